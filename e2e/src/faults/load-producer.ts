import { randomUUID } from 'node:crypto';
import { INPUT_TOPICS, type CaseEvent } from '@fengqiao/contracts';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseId,
  aCaseReported,
  type EventTable,
  type FaultLedger,
} from '@fengqiao/testing';

const COUNTIES = ['511902', '511903', '511921', '511922', '511923'];
const CAMERAS = 60;

type Msg = { key: string; value: string | Buffer };

/**
 * The realistic mix, at a low rate, with every id written into the current ledger: camera heartbeats
 * and analytics below every rule's threshold, cases in pairs (two per township and category, one
 * under the window rules' lowest level, so a redelivery counted twice raises a false alert), one in
 * four with a violence risk (one red alert each), a triage step per case, and now and then a message
 * that must be dead-lettered. A send that fails is retried until Kafka takes it (the ledger only
 * promises what was acknowledged).
 */
export class LoadProducer {
  private readonly publisher: KafkaEventPublisher;
  private ledger: FaultLedger | undefined;
  private running: Promise<void> | undefined;
  private stopRequested = false;
  private tick = 0;
  private caseNo = 0;
  private badNo = 0;
  private pendingTriage: CaseEvent[] = [];
  private readonly cameras = Array.from({ length: CAMERAS }, (_, i) =>
    aCameraId(700_000 + i, COUNTIES[i % COUNTIES.length]),
  );

  constructor(
    brokers: readonly string[],
    private readonly tickMs: number,
  ) {
    const kafka = createKafkaClient({
      brokers,
      clientId: 'fq-faults-load',
      log: () => undefined,
      retries: 3,
    });
    // Production's publisher (idempotent, one partition per send): a bare kafkajs producer can
    // resolve a send whose records a leader kill lost (issue 17, bench/faults/leader-kill-producer.ts).
    this.publisher = new KafkaEventPublisher(kafka);
  }

  async connect(): Promise<void> {
    await this.publisher.connect();
    const registered = this.cameras.map((cameraId) =>
      aCameraRegistered({
        cameraId,
        region: { county: cameraId.slice(0, 6), township: `${cameraId.slice(0, 6)}001` },
      }),
    );
    await this.send(
      INPUT_TOPICS.cameraRegistry.name,
      registered.map((e) => ({ key: e.cameraId, value: JSON.stringify(e) })),
    );
  }

  /** Starts producing into `ledger` (a fresh one per fault) until `stop()`. */
  start(ledger: FaultLedger): void {
    this.ledger = ledger;
    this.stopRequested = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.running;
    this.running = undefined;
  }

  async disconnect(): Promise<void> {
    await this.stop();
    await this.publisher.disconnect();
  }

  private async loop(): Promise<void> {
    while (!this.stopRequested) {
      const started = Date.now();
      await this.produceTick();
      await new Promise((r) => setTimeout(r, Math.max(0, this.tickMs - (Date.now() - started))));
    }
  }

  private async produceTick(): Promise<void> {
    const ledger = this.ledger;
    if (ledger === undefined) return;
    this.tick += 1;
    const status = this.cameras.slice((this.tick * 10) % CAMERAS, ((this.tick * 10) % CAMERAS) + 10);
    await this.events(
      'camera_status_events',
      INPUT_TOPICS.cameraStatus.name,
      status.map((cameraId) => aCameraStatus({ cameraId, eventId: randomUUID() })),
      (e) => e.cameraId,
    );
    const analytics = this.cameras.slice(this.tick % CAMERAS, (this.tick % CAMERAS) + 2);
    await this.events(
      'camera_analytics_events',
      INPUT_TOPICS.cameraAnalytics.name,
      analytics.map((cameraId) =>
        aCameraAnalytics({ cameraId, kind: 'crowd', headCount: 40, confidence: 0.4 }),
      ),
      (e) => e.cameraId,
    );
    const triage = this.pendingTriage;
    this.pendingTriage = [this.aCase()];
    await this.events(
      'case_events',
      INPUT_TOPICS.caseEvents.name,
      [...triage, ...this.pendingTriage],
      (e) => e.caseId,
    );
    this.pendingTriage = this.pendingTriage.map(triaged);
    if (this.tick % 8 === 0) await this.badMessage(ledger);
  }

  private aCase(): CaseEvent {
    const n = this.caseNo++;
    const pair = Math.floor(n / 2);
    const county = COUNTIES[pair % COUNTIES.length] ?? '511902';
    const township = `${county}${String(100 + (Math.floor(pair / COUNTIES.length) % 900)).padStart(3, '0')}`;
    const violenceRisk = n % 4 === 1;
    const now = new Date();
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    const caseId = aCaseId(n, county, day);
    if (violenceRisk) this.ledger?.recordAlertingCase(caseId);
    return aCaseReported({
      caseId,
      region: { county, township },
      category: 'neighbourhood',
      riskFlags: { violenceRisk, extremeWords: false, groupPetition: false, repeatVisits: 0 },
    });
  }

  private async badMessage(ledger: FaultLedger): Promise<void> {
    const key = `fault-bad-${this.badNo++}-${randomUUID().slice(0, 8)}`;
    const notJson = this.badNo % 2 === 0;
    const topic = notJson ? INPUT_TOPICS.cameraStatus.name : INPUT_TOPICS.caseEvents.name;
    const value = notJson
      ? '{"truncated":'
      : JSON.stringify({ schema: 'case.event.v1', eventId: 'not-a-uuid' });
    ledger.recordDeadLetter({ topic: `dlq.${topic}`, key, code: notJson ? 'NOT_JSON' : 'SCHEMA_INVALID' });
    await this.send(topic, [{ key, value }]);
  }

  private async events<E extends { eventId: string }>(
    table: EventTable,
    topic: string,
    events: readonly E[],
    keyOf: (e: E) => string,
  ): Promise<void> {
    if (events.length === 0) return;
    await this.send(
      topic,
      events.map((e) => ({ key: keyOf(e), value: JSON.stringify(e) })),
    );
    for (const e of events) this.ledger?.recordEvent(table, e.eventId);
  }

  /** Retries until acknowledged (a broker outage holds the load back, as a client buffer would). */
  private async send(topic: string, messages: Msg[]): Promise<void> {
    for (;;) {
      try {
        await this.publisher.publish(topic, messages);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

function triaged(reported: CaseEvent): CaseEvent {
  return {
    schema: 'case.event.v1',
    eventId: randomUUID(),
    caseId: reported.caseId,
    occurredAt: new Date().toISOString(),
    channel: reported.channel,
    region: reported.region,
    type: 'triaged',
    category: 'neighbourhood',
    tier: 'simple',
    department: 'mediation',
  };
}
