export type KafkaAdapterErrorCode =
  'PUBLISH_TIMEOUT' | 'PUBLISH_FAILED' | 'CONSUMER_NOT_RUNNING' | 'REPLICATION_IMPOSSIBLE';

/** A Kafka adapter failure with a code each transport maps exhaustively (e.g. HTTP 503). */
export class KafkaAdapterError extends Error {
  constructor(
    readonly code: KafkaAdapterErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KafkaAdapterError';
  }
}
