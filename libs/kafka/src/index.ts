export { createKafkaClient, type KafkaClientOptions } from './kafka-client';
export { ensureTopics, type TopicToEnsure } from './ensure-topics';
export { probeKafka, type KafkaProbeResult } from './probe';
export { KafkaEventPublisher, type OutgoingMessage } from './kafka-event-publisher.adapter';
