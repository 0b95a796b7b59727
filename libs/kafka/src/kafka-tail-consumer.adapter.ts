import { type Consumer, type Kafka } from 'kafkajs';
import { ensureTopics, type TopicDurability, type TopicToEnsure } from './ensure-topics';

/** How long a rejoin tries to read the topic's end before the caller catches up anyway. */
const POSITION_TIMEOUT_MS = 60_000;

export type TailState = 'starting' | 'running' | 'waiting for Kafka' | 'stopped';

export interface TailConsumerOptions {
  /** A group of its own per process (nothing is committed): every process sees every message. */
  readonly groupId: string;
  readonly topic: TopicToEnsure;
  readonly durability?: TopicDurability;
  /** Longest pause between two start attempts while Kafka is away (they start at 100 ms). Default 5 s. */
  readonly retryEveryMs?: number;
  readonly maxWaitTimeMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly log?: (message: string) => void;
  /**
   * Called on every join of the group (the first start, a restart after a crash, a return of the
   * broker): the tail then reads from the topic's end, so whatever was published while it was away
   * is the caller's to fetch from its own store.
   */
  readonly onJoin?: () => void;
  /** Called at once on every join, before the tail takes its position and calls `onJoin`. */
  readonly onJoining?: () => void;
}

/**
 * Follows one topic from its end as of start-up, handing each message to `handle`: for live fan-out
 * whose history comes from the database, not from Kafka. Starting never blocks or fails the caller:
 * while Kafka is away it retries in the background and says so in `state()`.
 */
export class KafkaTailConsumer {
  private consumer: Consumer | undefined;
  private current: TailState = 'starting';
  private joined = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempts = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TailConsumerOptions,
    private readonly handle: (value: Buffer | null) => void,
  ) {}

  /** Running means in its group and reading; anything else is a degraded live stream. */
  state(): TailState {
    return this.current === 'running' && !this.joined ? 'starting' : this.current;
  }

  /** Returns at once; the first attempt and every retry run in the background. */
  start(): void {
    void this.attempt();
  }

  /** Resolves true once running, false when `timeoutMs` passed first (the attempts go on). */
  async whenRunning(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.state() !== 'running') {
      if (Date.now() >= until || this.current === 'stopped') return false;
      await new Promise((r) => setTimeout(r, 50));
    }
    return true;
  }

  async stop(): Promise<void> {
    this.current = 'stopped';
    clearTimeout(this.retryTimer);
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer === undefined) return;
    await consumer.disconnect();
    // The group held no offsets; removing it keeps the broker's group list from growing per restart.
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.options.groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  private stopped(): boolean {
    return this.current === 'stopped';
  }

  private async attempt(): Promise<void> {
    if (this.stopped()) return;
    try {
      await this.run();
      if (!this.stopped()) this.current = 'running';
    } catch (err) {
      await this.consumer?.disconnect().catch(() => undefined);
      this.consumer = undefined;
      if (this.stopped()) return;
      this.current = 'waiting for Kafka';
      this.attempts += 1;
      // Quick retries first: a fresh topic's partitions need a moment to get a leader.
      const delay = Math.min(this.options.retryEveryMs ?? 5000, 100 * this.attempts);
      if (this.attempts % 10 === 1)
        this.options.log?.(`not started, retrying: ${err instanceof Error ? err.message : String(err)}`);
      this.retryTimer = setTimeout(() => void this.attempt(), delay);
    }
  }

  private async run(): Promise<void> {
    const topic = this.options.topic.name;
    await ensureTopics(this.kafka, [this.options.topic], this.options.durability);
    const ends = await this.endOffsets(topic);
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      maxWaitTimeInMs: this.options.maxWaitTimeMs ?? 500,
      sessionTimeout: this.options.sessionTimeoutMs ?? 15_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joined = true;
      this.options.onJoining?.();
      void this.positionAtEnd(consumer, topic).then(() => {
        // A consumer stopped or replaced meanwhile says nothing: its caller may be closing.
        if (!this.stopped() && this.consumer === consumer) this.options.onJoin?.();
      });
    });
    consumer.on(consumer.events.CRASH, () => (this.joined = false));
    consumer.on(consumer.events.STOP, () => (this.joined = false));
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => Promise.resolve(this.handle(message.value)),
    });
    for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
  }

  /**
   * A rejoin (a restart after a crash, a broker's return) would otherwise take its position at the
   * topic's end only when its first fetch resolves "latest" — during a leader election that can be
   * many seconds after the join, and what was published in between would come neither from Kafka nor
   * from the caller's catch-up, which ran at the join. So the end is read here, the consumer is put
   * there, and only then is the caller told: everything before that end was published — so, for an
   * outbox, committed — before its catch-up reads; everything from it on is read from Kafka (a seek
   * back over messages already fetched only delivers them twice, which the caller absorbs).
   */
  private async positionAtEnd(consumer: Consumer, topic: string): Promise<void> {
    const until = Date.now() + POSITION_TIMEOUT_MS;
    for (;;) {
      if (this.stopped() || this.consumer !== consumer) return;
      try {
        const ends = await this.endOffsets(topic);
        for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
        return;
      } catch (err) {
        if (Date.now() >= until) {
          this.options.log?.(
            `could not read the topic's end after a join (${err instanceof Error ? err.message : String(err)}); catching up without it`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async endOffsets(topic: string): Promise<{ partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
  }
}
