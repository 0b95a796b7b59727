import { type Kafka } from 'kafkajs';
import { type BatchConsumer, type BatchConsumerOptions, type BatchHandler } from './batch-consumer';
import { ConsumerProgress } from './consumer-progress';
import { KafkaBatchConsumer } from './kafka-batch-consumer.adapter';

export type KafkaClientKind = 'kafkajs' | 'platformatic';

/** The batch consumer on the configured client (FQ_KAFKA_CLIENT); kafkajs unless told otherwise. */
export function createBatchConsumer(
  client: KafkaClientKind,
  kafka: Kafka,
  brokers: readonly string[],
  options: BatchConsumerOptions,
): BatchConsumer {
  if (client === 'kafkajs') return new KafkaBatchConsumer(kafka, options);
  // @platformatic/kafka is an ES module: Node ≥ 20.19 requires it at run time, but Jest's CommonJS
  // runtime cannot, so it is loaded only when chosen and never by a module import.
  return new DeferredBatchConsumer(async () => {
    const { PlatformaticBatchConsumer } = await import('./platformatic-batch-consumer.adapter');
    return new PlatformaticBatchConsumer(brokers, options);
  });
}

/** A batch consumer whose client is loaded on start; pause requests made before then are kept. */
class DeferredBatchConsumer implements BatchConsumer {
  private inner: BatchConsumer | undefined;
  private paused = false;
  private readonly notStarted = new ConsumerProgress();

  constructor(private readonly load: () => Promise<BatchConsumer>) {}

  isJoined(): boolean {
    return this.inner?.isJoined() ?? false;
  }

  get progress(): ConsumerProgress {
    return this.inner?.progress ?? this.notStarted;
  }

  async start(handler: BatchHandler): Promise<void> {
    this.inner = await this.load();
    if (this.paused) this.inner.pauseAll();
    await this.inner.start(handler);
  }

  pauseAll(): void {
    this.paused = true;
    this.inner?.pauseAll();
  }

  resumeAll(): void {
    this.paused = false;
    this.inner?.resumeAll();
  }

  async stop(): Promise<void> {
    await this.inner?.stop();
  }
}
