import { type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { type BatchConsumer, type BatchConsumerOptions, type BatchHandler } from './batch-consumer';
import { ConsumerProgress } from './consumer-progress';

/** After a retriable crash, when a new client replaces the crashed one (kafkajs' own default). */
const RESTART_AFTER_MS = 1000;

/**
 * At-least-once batch consumption in one consumer group: a partition's offset is committed only
 * after the handler resolved (i.e. after the database commit), so a crash redelivers, never loses.
 */
export class KafkaBatchConsumer implements BatchConsumer {
  private consumer: Consumer;
  readonly progress = new ConsumerProgress();
  private joined = false;
  private running = false;
  private gaveUp = false;
  private pausedAll = false;
  private handler: BatchHandler | undefined;
  /** A replacement client being started (connect, subscribe, join); stop() waits for it. */
  private replacing: Promise<void> | undefined;
  /** Times a crashed client was replaced by a new one (a retriable crash, or reviveAfterCrashMs). */
  revivals = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: BatchConsumerOptions,
  ) {
    this.consumer = this.newClient();
  }

  private newClient(): Consumer {
    const options = this.options;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
      maxBytes: 16 * 1024 * 1024,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 100,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: options.heartbeatIntervalMs ?? 3000,
      // kafkajs asks this only after a retriable crash, and never restarts by itself here: its own
      // restart joins the group on a timer, and a stop during that join returns without leaving and
      // closes the connection under it, so the broker keeps a member nobody drives, holding
      // partitions until its session expires (the warning waited 40 s after a database outage).
      // This adapter replaces the client instead, and stop() waits for that join (below).
      retry: {
        retries: 5, // kafkajs' consumer default, which a `retry` given here would replace
        restartOnFailure: () => {
          retriable = true;
          return Promise.resolve(false);
        },
      },
    });
    let retriable = false;
    const left = (): void => {
      if (consumer !== this.consumer) return;
      this.joined = false;
      this.progress.leftGroup();
    };
    consumer.on(consumer.events.GROUP_JOIN, () => {
      if (consumer !== this.consumer) return;
      this.joined = true;
      this.progress.joinedGroup();
    });
    consumer.on(consumer.events.STOP, left);
    consumer.on(consumer.events.CRASH, () => {
      left();
      const restart = retriable;
      retriable = false;
      if (consumer !== this.consumer || !this.running) return;
      // After a retriable error a new client goes on at once, as kafkajs' own restart would.
      if (restart) return this.replaceLater(consumer, RESTART_AFTER_MS);
      // Not retriable ("the coordinator is not aware of this member" after a missed session): nothing
      // consumes until a new client does, which the owner may leave to this adapter or do itself.
      this.gaveUp = true;
      const after = this.options.reviveAfterCrashMs;
      if (after !== undefined) this.replaceLater(consumer, after);
    });
    return consumer;
  }

  private replaceLater(dead: Consumer, afterMs: number): void {
    setTimeout(() => {
      if (!this.running || dead !== this.consumer) return;
      const replacing = this.revive(dead);
      this.replacing = replacing;
      void replacing.finally(() => {
        if (this.replacing === replacing) this.replacing = undefined;
      });
    }, afterMs).unref();
  }

  /** Replaces a crashed client by a new one in the same group, from the committed offsets. */
  private async revive(dead: Consumer): Promise<void> {
    const handler = this.handler;
    if (!this.running || dead !== this.consumer || handler === undefined) return;
    await dead.disconnect().catch(() => undefined);
    this.consumer = this.newClient();
    this.revivals += 1;
    try {
      await this.run(handler);
      this.gaveUp = false;
    } catch {
      // The new client could not start (broker away): try again later, like a crash.
      this.gaveUp = true;
      if (this.running) this.replaceLater(this.consumer, this.options.reviveAfterCrashMs ?? RESTART_AFTER_MS);
    }
  }

  /** True once the client crashed without restarting itself; only a new consumer consumes again. */
  hasGivenUp(): boolean {
    return this.gaveUp;
  }

  /** True while the consumer is a member of its group. */
  isJoined(): boolean {
    return this.joined;
  }

  async start(handler: BatchHandler): Promise<void> {
    this.handler = handler;
    this.running = true;
    await this.run(handler);
  }

  private async run(handler: BatchHandler): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.options.topics], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.concurrency ?? 32,
      eachBatch: (payload) => this.handle(payload, handler),
    });
    if (this.pausedAll) this.pauseAll();
  }

  /** Stops fetching every subscribed topic; batches already handed out still complete. */
  pauseAll(): void {
    this.pausedAll = true;
    this.consumer.pause(this.options.topics.map((topic) => ({ topic })));
  }

  resumeAll(): void {
    this.pausedAll = false;
    this.consumer.resume(this.options.topics.map((topic) => ({ topic })));
  }

  async stop(): Promise<void> {
    this.running = false;
    // A replacement joining right now: disconnecting under its join would leave a member behind.
    await this.replacing;
    await this.consumer.disconnect();
  }

  private async handle(payload: EachBatchPayload, handler: BatchHandler): Promise<void> {
    const { batch } = payload;
    const last = batch.messages[batch.messages.length - 1];
    if (last === undefined) return;
    const first = batch.messages[0]?.offset ?? last.offset;
    this.progress.fetched(batch.topic, batch.partition, batch.highWatermark, first);
    await handler(
      {
        topic: batch.topic,
        partition: batch.partition,
        highWatermark: batch.highWatermark,
        messages: batch.messages.map((m) => ({ key: m.key ?? null, value: m.value, offset: m.offset })),
      },
      {
        heartbeat: () => payload.heartbeat(),
        isActive: () => this.running && payload.isRunning() && !payload.isStale(),
      },
    );
    // Only reached after the handler's database commit: the committed offset is the next one to read.
    payload.resolveOffset(last.offset);
    const next = (BigInt(last.offset) + 1n).toString();
    await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
    this.progress.committed(batch.topic, batch.partition, next);
  }
}
