import { randomUUID } from 'node:crypto';
import { OUTPUT_TOPICS, type Alert, type AlertChangeKind, type AlertChanged } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { createKafkaClient, KafkaEventPublisher } from '@fengqiao/kafka';
import { AlertsRepository } from '../../apps/warning/src/persistence/alerts.repository';

/**
 * The benchmarks' stand-in for the warning service: raises alerts and resolves them again, each
 * change stored through the warning service's own repository (alert row + change with its sequence)
 * and published on the alerts topic, so the API streams them to the wall exactly as real ones. Keeps the open set bounded, as a duty
 * room does: a soak that only raised would measure an ever-growing queue, not a leak.
 */
export class AlertDriver {
  private readonly publisher: KafkaEventPublisher;
  private connected = false;
  private readonly alerts = new AlertsRepository();

  constructor(
    private readonly pool: DbPool,
    brokers: readonly string[],
  ) {
    this.publisher = new KafkaEventPublisher(
      createKafkaClient({ clientId: `bench-alerts-${randomUUID().slice(0, 8)}`, brokers }),
    );
  }

  raise(alert: Alert): Promise<Alert> {
    return this.apply(alert, 'raised');
  }

  resolve(alert: Alert): Promise<Alert> {
    const at = new Date().toISOString();
    return this.apply(
      {
        ...alert,
        state: 'resolved',
        version: alert.version + 1,
        updatedAt: at,
        resolvedAt: at,
        outcome: 'real-incident',
      },
      'resolved',
    );
  }

  async close(): Promise<void> {
    if (this.connected) await this.publisher.disconnect();
  }

  private async apply(alert: Alert, change: AlertChangeKind): Promise<Alert> {
    const message = await this.store(alert, change);
    if (!this.connected) {
      await this.publisher.connect();
      this.connected = true;
    }
    await this.publisher.publish(OUTPUT_TOPICS.alertChanges.name, [
      { key: alert.alertId, value: JSON.stringify(message), headers: { schema: message.schema } },
    ]);
    return alert;
  }

  private async store(a: Alert, change: AlertChangeKind): Promise<AlertChanged> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.alerts.upsertAlert(client, a);
      const seq = await this.alerts.insertChange(client, { change, alert: a });
      if (seq === undefined) throw new Error(`alert ${a.alertId} v${a.version} was already recorded`);
      await this.alerts.setLastSeq(client, a.alertId, seq);
      // Published by this driver right after the commit: nothing else relays this database's outbox.
      await client.query('UPDATE alert_changes SET published_at = now() WHERE seq = $1', [seq]);
      await client.query('COMMIT');
      return {
        schema: 'alert.changed.v1',
        eventId: randomUUID(),
        occurredAt: a.updatedAt,
        seq,
        change,
        alert: a,
      };
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  }
}
