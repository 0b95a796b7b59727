import {
  CompressionTypes,
  Partitioners,
  type Admin,
  type Kafka,
  type Producer,
  type Transaction,
} from 'kafkajs';
import { chunkMessages } from './chunk-messages';
import { KafkaAdapterError } from './kafka-error';
import { groupByPartition, TopicLayouts } from './partition-groups';
import { type OutgoingMessage } from './kafka-event-publisher.adapter';

/** The next offset to read of one consumed partition (what a consumer group commits). */
export interface NextOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface TransactionalPublisherOptions {
  /** Unique per live process (two processes with one id fence each other). */
  readonly transactionalId: string;
  /**
   * How long the broker keeps a transaction of a process that died open; meanwhile read_committed
   * readers of its partitions wait. A transaction here spans a few requests. Default 10 s.
   */
  readonly transactionTimeoutMs?: number;
  /**
   * How long a commit waits for the group's offsets to show what it committed (the broker writes
   * a transaction's offsets for readers after its markers). Default 5 s.
   */
  readonly visibleWithinMs?: number;
}

/**
 * Produces messages and commits a consumer group's offsets in one Kafka transaction: a
 * read_committed reader sees the messages exactly when the group's offsets moved past their source,
 * so a crash or a failed request before the commit redelivers the source and shows nothing twice.
 */
export class KafkaTransactionalPublisher {
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly layouts = new TopicLayouts();
  private readonly partitionOf = Partitioners.DefaultPartitioner();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: TransactionalPublisherOptions,
  ) {}

  async publishCommitting(
    messages: ReadonlyMap<string, readonly OutgoingMessage[]>,
    groupId: string,
    offsets: readonly NextOffset[],
  ): Promise<void> {
    // One partition per send (issue 17, partition-groups.ts): a kafkajs send spanning leaders can
    // resolve without the partitions that moved during its retry, and the commit would keep the gap.
    const admin = await this.adminClient();
    const sends: { topic: string; partition: number; list: OutgoingMessage[] }[] = [];
    for (const [topic, list] of messages) {
      const partitions = await this.layouts.partitionsOf(admin, topic);
      for (const [partition, group] of groupByPartition(topic, list, partitions, this.partitionOf))
        sends.push({ topic, partition, list: group });
    }
    const producer = await this.connected();
    const txn = await producer.transaction();
    try {
      for (const { topic, partition, list } of sends)
        for (const chunk of chunkMessages(list))
          await txn.send({
            topic,
            acks: -1,
            compression: CompressionTypes.None,
            messages: chunk.map((m) => ({ partition, key: m.key, value: m.value, headers: m.headers })),
          });
      await txn.sendOffsets({ consumerGroupId: groupId, topics: byTopic(offsets) });
      await txn.commit();
    } catch (err) {
      await this.abortAfter(txn, err);
    }
    // The commit returns before the group's offsets show it (kafkajs asks for offsets without
    // KIP-447's require_stable): until they do, a consumer that joins reads the old offsets and
    // redelivers the flush. Waiting here means the next commit of this process sees them.
    await this.waitVisible(groupId, offsets);
  }

  /**
   * The group's committed offset (the next offset to read) of each of `partitions`, as a group
   * member that joins now would read it; partitions without one are absent.
   */
  async committedOffsets(
    groupId: string,
    partitions: readonly { topic: string; partition: number }[],
  ): Promise<Map<string, bigint>> {
    const admin = await this.adminClient();
    const topics = [...new Set(partitions.map((p) => p.topic))];
    const result = new Map<string, bigint>();
    if (topics.length === 0) return result;
    for (const t of await admin.fetchOffsets({ groupId, topics }))
      for (const p of t.partitions)
        if (BigInt(p.offset) >= 0n) result.set(partitionKey(t.topic, p.partition), BigInt(p.offset));
    return result;
  }

  private async waitVisible(groupId: string, offsets: readonly NextOffset[]): Promise<void> {
    const deadline = Date.now() + (this.options.visibleWithinMs ?? 5000);
    for (;;) {
      const seen = await this.committedOffsets(groupId, offsets).catch(() => new Map<string, bigint>());
      const behind = offsets.filter(
        (o) => (seen.get(partitionKey(o.topic, o.partition)) ?? -1n) < BigInt(o.offset),
      );
      if (behind.length === 0 || Date.now() > deadline) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async abortAfter(txn: Transaction, err: unknown): Promise<never> {
    // An abort that fails too leaves the producer unusable: the next one (same id) fences it and
    // the broker aborts what it left open.
    await txn.abort().catch(() => this.discard());
    throw new KafkaAdapterError(
      'PUBLISH_FAILED',
      `transaction not committed: ${err instanceof Error ? err.message : String(err)}`,
    );
  }

  async disconnect(): Promise<void> {
    await this.discard();
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }

  private async adminClient(): Promise<Admin> {
    if (this.admin !== undefined) return this.admin;
    const admin = this.kafka.admin();
    await admin.connect();
    this.admin = admin;
    return admin;
  }

  private async connected(): Promise<Producer> {
    if (this.producer !== undefined) return this.producer;
    const producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      transactionalId: this.options.transactionalId,
      transactionTimeout: this.options.transactionTimeoutMs ?? 10_000,
      idempotent: true,
      maxInFlightRequests: 1,
      // A transaction begun right after the previous commit meets CONCURRENT_TRANSACTIONS until the
      // broker wrote its markers (a few ms): retry soon rather than after the client's 200 ms.
      retry: { initialRetryTime: 20, retries: 10 },
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async discard(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

/** The key of one partition in {@link KafkaTransactionalPublisher.committedOffsets}' answer. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

function byTopic(
  offsets: readonly NextOffset[],
): { topic: string; partitions: { partition: number; offset: string }[] }[] {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets)
    topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}
