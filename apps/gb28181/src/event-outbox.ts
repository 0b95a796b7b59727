import { INPUT_TOPICS } from '@fengqiao/contracts';
import { type KafkaEventPublisher, type OutgoingMessage } from '@fengqiao/kafka';

/** The one call the outbox makes (the Kafka publisher; a benchmark passes a counter). */
export type EventSender = Pick<KafkaEventPublisher, 'publishWithin'>;
import { type GbMetrics } from './gb-metrics';

type TopicKey = 'cameraRegistry' | 'cameraStatus' | 'cameraAnalytics';

// Kafka away for a while: keep this many events, then drop the oldest (counted); the next keepalive,
// Catalog or sweep says the state again.
const MAX_QUEUED = 200_000;
// Encoding a produce request is synchronous: in a CPU profile of 1,000 NVRs registering at load ~15,
// ~30 requests of 5,000 events took ~7.5 s (~250 ms each, SIP waiting behind); 1,000 keeps each short.
const BATCH = 1000;

/**
 * Batches the contract events a burst of SIP traffic produces (a Catalog of 31,000 channels) into a
 * few Kafka requests per topic, in order. A failed send is retried on the next flush.
 */
export class EventOutbox {
  private readonly queues = new Map<TopicKey, OutgoingMessage[]>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly publisher: EventSender,
    private readonly metrics: GbMetrics,
    private readonly log: (line: string) => void,
    /** `<topic>.<suffix>`: a test's private copies of the input topics (the ingest's convention). */
    private readonly topicSuffix?: string,
    private readonly lingerMs = 100,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.lingerMs);
  }

  add(topic: TopicKey, event: { readonly cameraId: string }): void {
    const queue = this.queues.get(topic) ?? [];
    queue.push({ key: event.cameraId, value: JSON.stringify(event) });
    if (queue.length > MAX_QUEUED) {
      queue.splice(0, queue.length - MAX_QUEUED);
      this.metrics.inc('events_dropped');
    }
    this.queues.set(topic, queue);
  }

  get pending(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.flush();
  }

  private async sendAll(): Promise<void> {
    for (const [topic, queue] of this.queues) {
      if (queue.length === 0) continue;
      const batch = queue.splice(0, BATCH);
      try {
        const base = INPUT_TOPICS[topic].name;
        const name = this.topicSuffix === undefined ? base : `${base}.${this.topicSuffix}`;
        await this.publisher.publishWithin(name, batch, 10_000);
        this.metrics.inc(`events_published_${topic}`, batch.length);
      } catch (err) {
        queue.unshift(...batch);
        this.metrics.inc('events_publish_failures');
        this.log(`gb28181: ${batch.length} ${topic} event(s) not sent yet: ${(err as Error).message}`);
        return;
      }
    }
  }
}
