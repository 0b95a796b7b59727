import { type KafkaEventPublisher, type OutgoingMessage } from '@fengqiao/kafka';
import { type Rejection } from '../validation/rejection';
import { type IncomingMessage } from './incoming-message';

/** Header names of a dead letter; the value is the original bytes, untouched. */
export const DLQ_HEADERS = {
  code: 'fq-dlq-code',
  reason: 'fq-dlq-reason',
  sourceTopic: 'fq-source-topic',
  sourcePartition: 'fq-source-partition',
  sourceOffset: 'fq-source-offset',
  deadLetteredAt: 'fq-dead-lettered-at',
} as const;

export interface DeadLetter {
  readonly message: IncomingMessage;
  readonly rejection: Rejection;
}

/**
 * Sends refused messages to their topic's dead-letter topic. The envelope is in the headers so the
 * payload stays byte-for-byte what arrived (it may not even be text). A redelivered batch can
 * dead-letter a message twice: readers dedupe on (source topic, partition, offset).
 */
export class DeadLetterPublisher {
  constructor(
    private readonly publisher: KafkaEventPublisher,
    private readonly deadLetterOf: (topic: string) => string,
  ) {}

  async publish(letters: readonly DeadLetter[], nowIso: string): Promise<void> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { message, rejection } of letters) {
      const dlq = this.deadLetterOf(message.topic);
      const list = byTopic.get(dlq) ?? [];
      list.push({
        key: message.key,
        value: message.value ?? Buffer.alloc(0),
        headers: {
          [DLQ_HEADERS.code]: rejection.code,
          [DLQ_HEADERS.reason]: rejection.reason,
          [DLQ_HEADERS.sourceTopic]: message.topic,
          [DLQ_HEADERS.sourcePartition]: String(message.partition),
          [DLQ_HEADERS.sourceOffset]: message.offset,
          [DLQ_HEADERS.deadLetteredAt]: nowIso,
        },
      });
      byTopic.set(dlq, list);
    }
    await Promise.all([...byTopic].map(([topic, messages]) => this.publisher.publish(topic, messages)));
  }
}
