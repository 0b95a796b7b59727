import { type ConsumedBatch, type BatchControl, type KafkaBatchConsumer } from '@fengqiao/kafka';
import { type IngestMetrics } from '../metrics';
import { GroupCommitter } from './group-committer';
import { type IngestService } from './ingest.service';

// Tuned with bench/ingest: flushes of a few thousand rows amortise the transaction and the
// round trip; 10 ms linger collects the partition batches of one fetch.
const GROUP_COMMIT = { maxRows: 10_000, lingerMs: 10 };

/** Wires the Kafka batch consumer to the ingest service through the group committer. */
export class IngestConsumer {
  private readonly committer: GroupCommitter;

  constructor(
    private readonly consumer: KafkaBatchConsumer,
    service: IngestService,
    private readonly metrics: IngestMetrics,
  ) {
    this.committer = new GroupCommitter(
      (messages, control) => service.process(messages, control),
      GROUP_COMMIT,
    );
  }

  start(): Promise<void> {
    return this.consumer.start((batch, control) => this.handle(batch, control));
  }

  isJoined(): boolean {
    return this.consumer.isJoined();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  private async handle(batch: ConsumedBatch, control: BatchControl): Promise<void> {
    const { topic, partition } = batch;
    const messages = batch.messages.map((m) => ({
      topic,
      partition,
      offset: m.offset,
      key: m.key,
      value: m.value,
    }));
    await this.committer.submit(messages, {
      keepAlive: () => control.heartbeat(),
      isActive: () => control.isActive(),
    });
    const last = batch.messages[batch.messages.length - 1];
    if (last !== undefined) {
      const lag = Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n);
      this.metrics.lag.set({ topic, partition: String(partition) }, Math.max(0, lag));
    }
  }
}
