export { createKafkaClient, type KafkaClient, type KafkaClientOptions } from './kafka-client';
export { ensureTopics, type TopicDurability, type TopicToEnsure } from './ensure-topics';
export { probeKafka, type KafkaProbeResult } from './probe';
export { topicHighWater } from './topic-high-water';
export {
  KafkaEventPublisher,
  type OutgoingMessage,
  type PublisherOptions,
} from './kafka-event-publisher.adapter';
export {
  KafkaTransactionalPublisher,
  type NextOffset,
  type TransactionalPublisherOptions,
  partitionKey,
} from './kafka-transactional-publisher.adapter';
export { KafkaBatchConsumer } from './kafka-batch-consumer.adapter';
export { KafkaAdapterError, type KafkaAdapterErrorCode } from './kafka-error';
export {
  type BatchConsumer,
  type BatchConsumerOptions,
  type BatchControl,
  type BatchHandler,
  type ConsumedBatch,
  type ConsumedMessage,
} from './batch-consumer';
export { createBatchConsumer, type KafkaClientKind } from './create-batch-consumer';
export { ConsumerProgress, type ProgressReport } from './consumer-progress';
export { KafkaTailConsumer, type TailConsumerOptions, type TailState } from './kafka-tail-consumer.adapter';
export { KafkaAlertChangeSink } from './kafka-alert-change.sink';
