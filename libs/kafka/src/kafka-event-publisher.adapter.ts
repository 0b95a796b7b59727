import {
  CompressionTypes,
  Partitioners,
  type Admin,
  type Kafka,
  type PartitionMetadata,
  type Producer,
} from 'kafkajs';
import { chunkMessages } from './chunk-messages';
import { KafkaAdapterError } from './kafka-error';
import { groupByPartition, TopicLayouts, type PartitionOf } from './partition-groups';

export interface OutgoingMessage {
  readonly key: string | Buffer | null;
  /** Text, or raw bytes passed through unchanged (dead letters keep the original payload). */
  readonly value: string | Buffer;
  readonly headers?: Record<string, string>;
}

export interface PublisherOptions {
  /**
   * The broker drops a batch it already appended when a send is retried (sequence numbers per
   * partition), so a retry after a leader move or a lost response writes nothing twice. Needs one
   * request in flight per connection to keep the order. `config.tuning.kafka.idempotentProducer`;
   * measured in docs/benchmarks.md. Default true.
   */
  readonly idempotent?: boolean;
}

/**
 * Produces already-validated messages; acks from all in-sync replicas. Every send names one
 * partition (see `groupByPartition`: a kafkajs send spanning several leaders can lose records under a
 * leader move and still resolve), the partition the Java-compatible murmur2 partitioner gives the key.
 */
export class KafkaEventPublisher {
  private producer: Producer;
  private readonly makeProducer: () => Producer;
  private readonly idempotent: boolean;
  private readonly admin: Admin;
  private readonly partitionOf: PartitionOf = Partitioners.DefaultPartitioner();
  private readonly layouts = new TopicLayouts();
  private connected = false;
  private adminConnected = false;

  constructor(kafka: Kafka, options: PublisherOptions = {}) {
    const idempotent = options.idempotent ?? true;
    this.idempotent = idempotent;
    // The Java-compatible murmur2 partitioner, so upstream Java producers and we agree on key → partition.
    this.makeProducer = () =>
      kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        idempotent,
        maxInFlightRequests: idempotent ? 1 : 5,
      });
    this.producer = this.makeProducer();
    this.admin = kafka.admin();
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // A publisher whose start-up connect failed (broker away) connects on first use.
    await this.connect();
    const groups = groupByPartition(topic, messages, await this.partitionsOf(topic), this.partitionOf);
    const producer = this.producer;
    // Partitions in parallel, each one's chunks in order (a send over the broker's batch limit would
    // be refused whole). The publish settles once every partition did: a caller retrying a failure
    // never races sends of this attempt still in flight.
    const results = await Promise.allSettled(
      [...groups].map(async ([partition, list]) => {
        for (const chunk of chunkMessages(list)) {
          await producer.send({
            topic,
            acks: -1,
            compression: CompressionTypes.None,
            messages: chunk.map((m) => ({ partition, key: m.key, value: m.value, headers: m.headers })),
          });
        }
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed === undefined) return;
    if (this.idempotent && lostItsSequence(failed.reason)) await this.replace(producer);
    throw failed.reason;
  }

  /**
   * A fresh producer (a new producer id, sequences from 0) in place of one the broker refuses for
   * good. kafkajs 2.2.4 winds a partition's sequence back after a request whose outcome it does not
   * know (the connection died with the leader) although the broker may have appended it; every later
   * send to that partition is then OUT_OF_ORDER_SEQUENCE_NUMBER, forever (measured: 214 refusals in
   * 130 s, nothing acknowledged, docs/reliability.md). The Java client bumps its epoch instead
   * (KIP-360); kafkajs cannot, so the next publish starts over. A batch the broker did append may
   * then be written once more: consumers absorb the duplicate by event id.
   */
  private async replace(failed: Producer): Promise<void> {
    if (this.producer !== failed) return;
    this.producer = this.makeProducer();
    this.connected = false;
    await failed.disconnect().catch(() => undefined);
  }

  private async partitionsOf(topic: string): Promise<PartitionMetadata[]> {
    if (!this.adminConnected) {
      await this.admin.connect();
      this.adminConnected = true;
    }
    return this.layouts.partitionsOf(this.admin, topic);
  }

  /**
   * Like `publish`, but gives up after `deadlineMs` with PUBLISH_TIMEOUT, so a caller that must answer
   * (HTTP intake) can say "retry later" while the client keeps retrying a broker that is away. The
   * send may still complete after the deadline: consumers absorb the duplicate by event id.
   */
  async publishWithin(
    topic: string,
    messages: readonly OutgoingMessage[],
    deadlineMs: number,
  ): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new KafkaAdapterError('PUBLISH_TIMEOUT', `no ack from Kafka within ${deadlineMs} ms`)),
        deadlineMs,
      );
    });
    const sent = this.publish(topic, messages).catch((err: unknown) => {
      throw new KafkaAdapterError('PUBLISH_FAILED', err instanceof Error ? err.message : String(err));
    });
    try {
      await Promise.race([sent, deadline]);
    } finally {
      clearTimeout(timer);
      sent.catch(() => undefined);
    }
  }

  /** Also stops a connect that is still retrying (a broker that never answered). */
  async disconnect(): Promise<void> {
    this.connected = false;
    if (this.adminConnected) {
      this.adminConnected = false;
      await this.admin.disconnect();
    }
    await this.producer.disconnect();
  }
}

const STUCK_SEQUENCE = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID']);

/** Whether a kafkajs send failed because the broker no longer accepts this producer's sequence. */
function lostItsSequence(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const type = (e as Error & { type?: unknown }).type;
    if (typeof type === 'string' && STUCK_SEQUENCE.has(type)) return true;
  }
  return false;
}
