import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { chunkMessages } from './chunk-messages';
import { KafkaAdapterError } from './kafka-error';

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

/** Produces already-validated messages; acks from all in-sync replicas. */
export class KafkaEventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka, options: PublisherOptions = {}) {
    const idempotent = options.idempotent ?? true;
    // The Java-compatible murmur2 partitioner, so upstream Java producers and we agree on key → partition.
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent,
      maxInFlightRequests: idempotent ? 1 : 5,
    });
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
    // One request per chunk, in order: a send over the broker's batch limit would be refused whole.
    for (const chunk of chunkMessages(messages)) {
      await this.producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.None,
        messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    }
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
    await this.producer.disconnect();
  }
}
