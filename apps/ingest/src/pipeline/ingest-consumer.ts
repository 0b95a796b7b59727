import {
  type BatchConsumer,
  type BatchControl,
  type ConsumedBatch,
  type ProgressReport,
} from '@fengqiao/kafka';
import { type IngestMetrics } from '../metrics';
import { GroupCommitter } from './group-committer';
import { type IngestService, type Validated } from './ingest.service';

/** Wires the Kafka batch consumer to the ingest service through the group committer. */
export class IngestConsumer {
  private readonly committer: GroupCommitter<Validated>;

  constructor(
    private readonly consumer: BatchConsumer,
    private readonly service: IngestService,
    private readonly metrics: IngestMetrics,
    /** config.tuning.ingest: rows per flush and the linger that collects one fetch's batches. */
    groupCommit: { readonly maxRows: number; readonly lingerMs: number },
  ) {
    this.committer = new GroupCommitter((batches, control) => service.commit(batches, control), groupCommit);
  }

  start(): Promise<void> {
    return this.consumer.start((batch, control) => this.handle(batch, control));
  }

  isJoined(): boolean {
    return this.consumer.isJoined();
  }

  progress(windowMs: number): ProgressReport {
    return this.consumer.progress.check(windowMs);
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
    // Validated here, in the consumer's concurrent batch handlers, so the CPU work of the next
    // flush overlaps the database write of the current one (the committer runs one flush at a time).
    const validated = this.service.validate(messages, Date.now());
    await this.committer.submit(
      [validated],
      { keepAlive: () => control.heartbeat(), isActive: () => control.isActive() },
      messages.length,
    );
    const last = batch.messages[batch.messages.length - 1];
    if (last !== undefined) {
      const lag = Number(BigInt(batch.highWatermark) - BigInt(last.offset) - 1n);
      this.metrics.lag.set({ topic, partition: String(partition) }, Math.max(0, lag));
    }
  }
}
