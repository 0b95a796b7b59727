import { CompressionTypes, type Producer } from 'kafkajs';
import { aCaseId, aCaseReported } from '@fengqiao/testing';
import { type IngestTopics } from '../../apps/ingest/src/ingest-topics';
import { mixedEvent } from '../ingest/bench-env';

// A late tick catches up in slices: a whole catch-up in one request can exceed message.max.bytes.
const MAX_EVENTS_PER_SEND = 4_000;
const COUNTIES = ['511902', '511903', '511921', '511922', '511923'] as const;

/** The bench camera mix (bench/ingest mixedEvent), produced in order from a running sequence. */
export class MixProducer {
  private seq = 0;
  private probes = Math.floor(Math.random() * 50_000);

  constructor(
    private readonly producer: Producer,
    private readonly topics: IngestTopics,
  ) {}

  private probesSent = 0;

  /** Events of the mix produced so far. */
  get produced(): number {
    return this.seq;
  }

  /** Everything produced on the input topics (the mix and the probes). */
  get total(): number {
    return this.seq + this.probesSent;
  }

  async send(n: number): Promise<void> {
    for (let sent = 0; sent < n; sent += MAX_EVENTS_PER_SEND)
      await this.chunk(Math.min(MAX_EVENTS_PER_SEND, n - sent));
  }

  /**
   * A case report with a violence risk: a red alert of its own (the rule's subject is the case), so
   * each probe is one raise on the wall. `before` gets its event id right before the send.
   */
  async probe(before: (eventId: string) => void): Promise<void> {
    const i = this.probes++;
    const county = COUNTIES[i % COUNTIES.length] ?? '511902';
    const event = aCaseReported({
      caseId: aCaseId(i, county),
      region: { county, township: `${county}${String(1 + (i % 9)).padStart(3, '0')}` },
      riskFlags: { violenceRisk: true, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    });
    before(event.eventId);
    await this.producer.send({
      topic: this.topics.byKind.case,
      acks: -1,
      messages: [{ key: event.caseId, value: JSON.stringify(event) }],
    });
    this.probesSent += 1;
  }

  private async chunk(n: number): Promise<void> {
    const at = new Date().toISOString();
    const target = {
      status: this.topics.byKind.cameraStatus,
      analytics: this.topics.byKind.cameraAnalytics,
      case: this.topics.byKind.case,
    };
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (let i = 0; i < n; i++) {
      const e = mixedEvent(this.seq++, at);
      const list = byTopic.get(target[e.kind]) ?? [];
      list.push({ key: e.key, value: e.value });
      byTopic.set(target[e.kind], list);
    }
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }
}
