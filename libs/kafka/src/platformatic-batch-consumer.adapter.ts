import { Consumer, type Message, type MessagesStream } from '@platformatic/kafka';
import { type BatchConsumer, type BatchConsumerOptions, type BatchHandler } from './batch-consumer';
import { ConsumerProgress } from './consumer-progress';

type Msg = Message<Buffer, Buffer, Buffer, Buffer>;

// Messages held in memory across all partitions before the stream is paused (backpressure).
const MAX_BUFFERED = 20_000;

/**
 * The BatchConsumer surface on @platformatic/kafka. Its stream delivers single messages; they are
 * grouped per partition and each partition hands one batch at a time to the handler (partitions run
 * concurrently, like kafkajs `partitionsConsumedConcurrently`). Autocommit is off: the last offset of
 * a batch is committed only after the handler resolved. Heartbeats run on the client's own timer, so
 * a long handler does not lose the membership while the event loop turns.
 */
export class PlatformaticBatchConsumer implements BatchConsumer {
  private readonly consumer: Consumer<Buffer, Buffer, Buffer, Buffer>;
  private stream: MessagesStream<Buffer, Buffer, Buffer, Buffer> | undefined;
  private readonly buffers = new Map<string, Msg[]>();
  private readonly busy = new Set<string>();
  private readonly scheduled = new Set<string>();
  private buffered = 0;
  private joined = false;
  readonly progress = new ConsumerProgress();
  private running = false;
  private paused = false;
  private handler: BatchHandler = () => Promise.resolve();

  constructor(
    brokers: readonly string[],
    private readonly options: BatchConsumerOptions,
  ) {
    this.consumer = new Consumer({
      groupId: options.groupId,
      clientId: 'fengqiao-ingest',
      bootstrapBrokers: [...brokers],
      autocommit: false,
      maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
      maxWaitTime: options.maxWaitTimeMs ?? 100,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      // The client's default (102 s) would hold a restarted member's join that long; kafkajs uses 60 s.
      rebalanceTimeout: Math.max(options.sessionTimeoutMs ?? 30_000, 60_000),
      heartbeatInterval: Math.min(3000, Math.floor((options.sessionTimeoutMs ?? 30_000) / 3)),
    });
    this.consumer.on('consumer:group:join', () => {
      this.joined = true;
      this.progress.joinedGroup();
    });
    this.consumer.on('consumer:group:leave', () => {
      this.joined = false;
      this.progress.leftGroup();
    });
  }

  isJoined(): boolean {
    return this.joined;
  }

  async start(handler: BatchHandler): Promise<void> {
    this.handler = handler;
    this.running = true;
    // Committed offsets first; a new group starts at the earliest (kafkajs `fromBeginning`).
    const stream = await this.consumer.consume({
      topics: [...this.options.topics],
      autocommit: false,
      mode: 'committed',
      fallbackMode: 'earliest',
    });
    this.stream = stream;
    this.joined = true;
    this.progress.joinedGroup();
    // A stream closed by a restart may still deliver a few messages: they belong to no one.
    stream.on('data', (m: Msg) => {
      if (this.stream === stream) this.accept(m);
    });
  }

  pauseAll(): void {
    this.paused = true;
    this.stream?.pause();
  }

  resumeAll(): void {
    this.paused = false;
    if (this.buffered < MAX_BUFFERED) this.stream?.resume();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.joined = false;
    await this.stream?.close();
    await this.consumer.close();
  }

  private accept(m: Msg): void {
    const key = `${m.topic}\u0000${m.partition}`;
    const list = this.buffers.get(key);
    if (list === undefined) this.buffers.set(key, [m]);
    else list.push(m);
    if (++this.buffered >= MAX_BUFFERED) this.stream?.pause();
    // Let the rest of the fetch arrive first, so a batch is a whole fetch of its partition.
    if (this.busy.has(key) || this.scheduled.has(key)) return;
    this.scheduled.add(key);
    setImmediate(() => {
      this.scheduled.delete(key);
      void this.pump(key);
    });
  }

  private async pump(key: string): Promise<void> {
    const messages = this.buffers.get(key);
    if (this.busy.has(key) || messages === undefined || messages.length === 0 || !this.running) return;
    const stream = this.stream;
    this.busy.add(key);
    this.buffers.delete(key);
    try {
      await this.handle(messages);
    } catch (err) {
      this.busy.delete(key);
      if (this.stream === stream) this.crash(err);
      return;
    }
    this.busy.delete(key);
    if (this.stream !== stream) return;
    this.buffered -= messages.length;
    if (!this.paused && this.buffered < MAX_BUFFERED) this.stream?.resume();
    void this.pump(key);
  }

  private async handle(messages: Msg[]): Promise<void> {
    const first = messages[0];
    const last = messages[messages.length - 1];
    if (first === undefined || last === undefined) return;
    const owned = (): boolean => this.running && this.owns(first.topic, first.partition);
    this.progress.fetched(first.topic, first.partition, String(last.offset + 1n), String(first.offset));
    await this.handler(
      {
        topic: first.topic,
        partition: first.partition,
        // The stream does not expose the high watermark: report what was read (lag 0).
        highWatermark: String(last.offset + 1n),
        messages: messages.map((m) => ({
          key: m.key ?? null,
          value: m.value ?? null,
          offset: String(m.offset),
        })),
      },
      {
        heartbeat: () => (owned() ? Promise.resolve() : Promise.reject(new Error('partition revoked'))),
        isActive: owned,
      },
    );
    // Only reached after the handler's database commit; commits last.offset + 1 with its leader epoch.
    if (!owned()) return;
    await last.commit();
    this.progress.committed(first.topic, first.partition, String(last.offset + 1n));
  }

  private owns(topic: string, partition: number): boolean {
    const assignments = this.consumer.assignments;
    if (assignments === null) return true;
    return assignments.some((a) => a.topic === topic && a.partitions.includes(partition));
  }

  // An unexpected handler failure: the uncommitted messages must be read again, as kafkajs does
  // by restarting its consumer. Close the stream and consume anew from the committed offsets.
  private crash(err: unknown): void {
    process.emitWarning(`platformatic consumer restarts after a handler failure: ${String(err)}`);
    const restart = async (): Promise<void> => {
      const old = this.stream;
      this.stream = undefined;
      this.buffers.clear();
      this.buffered = 0;
      await old?.close();
      if (this.running) await this.start(this.handler);
    };
    void restart().catch((e: unknown) =>
      process.emitWarning(`platformatic consumer restart failed: ${String(e)}`),
    );
  }
}
