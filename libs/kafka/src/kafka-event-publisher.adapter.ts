import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';

export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers?: Record<string, string>;
}

/** Produces already-validated messages; acks from all in-sync replicas. */
export class KafkaEventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    // The Java-compatible murmur2 partitioner, so upstream Java producers and we agree on key → partition.
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      maxInFlightRequests: 5,
    });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.None,
      messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
    });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
