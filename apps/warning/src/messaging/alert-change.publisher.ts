import { alertChangedSchema, type Alert, type AlertChangeKind, type AlertChanged } from '@fengqiao/contracts';
import { type KafkaEventPublisher } from '@fengqiao/kafka';
import { alertIdOf, type Actor } from '@fengqiao/rules';

/** One recorded change: what the engine decided, or what the outbox row holds. */
export interface RecordedChange {
  readonly type: AlertChangeKind;
  readonly alert: Alert;
  readonly actor?: Actor;
  readonly note?: string;
}

/** Builds `alert.changed.v1` (validated) and publishes it keyed by alert id: one alert, one order. */
export class AlertChangePublisher {
  constructor(
    private readonly publisher: KafkaEventPublisher,
    private readonly topic: string,
    /** A send that has no ack by then fails; the outbox keeps the rows for the next attempt. */
    private readonly timeoutMs = 10_000,
  ) {}

  static messageOf(d: RecordedChange, seq: number): AlertChanged {
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
    await this.publisher.publishWithin(
      this.topic,
      changes.map((c) => ({ key: c.alert.alertId, value: JSON.stringify(c) })),
      this.timeoutMs,
    );
  }
}
