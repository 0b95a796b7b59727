import { alertChangedSchema, type AlertChanged } from '@fengqiao/contracts';
import { type KafkaEventPublisher } from '@fengqiao/kafka';
import { alertIdOf, type AlertChangeDecision } from '@fengqiao/rules';

/** Builds `alert.changed.v1` (validated) and publishes it keyed by alert id: one alert, one order. */
export class AlertChangePublisher {
  constructor(
    private readonly publisher: KafkaEventPublisher,
    private readonly topic: string,
  ) {}

  static messageOf(d: AlertChangeDecision, seq: number): AlertChanged {
    return alertChangedSchema.parse({
      schema: 'alert.changed.v1',
      // Deterministic: a republished change carries the same event id, so consumers dedupe it.
      eventId: alertIdOf(`${d.alert.alertId}#${d.alert.version}`),
      occurredAt: d.alert.updatedAt,
      seq,
      change: d.type,
      alert: d.alert,
      ...(d.actor === undefined ? {} : { actor: d.actor }),
      ...(d.note === undefined ? {} : { note: d.note }),
    });
  }

  async publish(changes: readonly AlertChanged[]): Promise<void> {
    await this.publisher.publish(
      this.topic,
      changes.map((c) => ({ key: c.alert.alertId, value: JSON.stringify(c) })),
    );
  }
}
