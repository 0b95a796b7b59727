import { type ConsumerProgress } from './consumer-progress';

/** One message as the consumer hands it over: raw bytes, nothing parsed. */
export interface ConsumedMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly offset: string;
}

/** Consecutive messages of one partition, with the partition's high watermark for lag. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly highWatermark: string;
  readonly messages: readonly ConsumedMessage[];
}

/** What a handler may do while it holds a batch (e.g. while it waits for the database). */
export interface BatchControl {
  /** Keeps the group membership alive; throws when a rebalance took the partition away. */
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the batch went stale after a rebalance. */
  isActive(): boolean;
}

export type BatchHandler = (batch: ConsumedBatch, control: BatchControl) => Promise<void>;

export interface BatchConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Partition batches handled at once; each waits for its own commit. Default 32 (all input partitions, so one fetch becomes one group commit). */
  readonly concurrency?: number;
  /** Upper bound of bytes fetched per partition, hence of the memory a batch holds. Default 1 MiB. */
  readonly maxBytesPerPartition?: number;
  readonly maxWaitTimeMs?: number;
  /** How long the group waits for a silent member before moving its partitions. Default 30 s. */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * After a crash the client does not restart from itself (kafkajs: a non-retriable error such as
   * "the coordinator is not aware of this member" when a batch outlived its session), start a new
   * client after this many ms and go on from the group's committed offsets. Unset: the consumer
   * stays down (`hasGivenUp`) and its owner decides (the warning service rebuilds its state first).
   */
  readonly reviveAfterCrashMs?: number;
}

/**
 * At-least-once batch consumption in one consumer group, whatever the client underneath: a
 * partition's offset is committed only after the handler resolved (i.e. after the database commit),
 * so a crash redelivers, never loses.
 */
export interface BatchConsumer {
  isJoined(): boolean;
  /** Per-partition progress for /health: recent commits or nothing waiting. */
  readonly progress: ConsumerProgress;
  start(handler: BatchHandler): Promise<void>;
  /** Stops fetching every subscribed topic; batches already handed out still complete. */
  pauseAll(): void;
  resumeAll(): void;
  stop(): Promise<void>;
}
