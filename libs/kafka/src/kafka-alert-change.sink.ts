import { type AlertChanged } from '@fengqiao/contracts';
import { type KafkaEventPublisher } from './kafka-event-publisher.adapter';

/**
 * The alert outbox relay's Kafka side: committed changes on the alerts topic, keyed by alert id (one
 * alert, one partition, one order). A send without an ack by `timeoutMs` fails, and the outbox keeps
 * the rows for the next attempt.
 */
export class KafkaAlertChangeSink {
  constructor(
    private readonly publisher: KafkaEventPublisher,
    private readonly topic: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async publish(changes: readonly AlertChanged[]): Promise<void> {
    await this.publisher.publishWithin(
      this.topic,
      changes.map((c) => ({ key: c.alert.alertId, value: JSON.stringify(c), headers: { schema: c.schema } })),
      this.timeoutMs,
    );
  }
}
