import { randomUUID } from 'node:crypto';
import { type Alert, type AlertChanged, type AlertColour } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { changeEventId } from '../alerts/alert-row';
import { AlertsRepository } from '../alerts/alerts.repository';

/** A raised alert as the warning app would store it (tests make their own alerts). */
export function anAlert(overrides: Partial<Alert> = {}, colour: AlertColour = 'orange'): Alert {
  const id = randomUUID();
  const at = new Date().toISOString();
  return {
    alertId: id,
    dedupKey: `test:${id}`,
    ruleId: 'test-rule',
    ruleVersion: 1,
    colour,
    state: 'raised',
    version: 1,
    title: '测试预警',
    region: { county: '511902', township: '511902001' },
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
    explanation: {
      summary: 'threshold crossed',
      evidence: [randomUUID()],
      values: { count: 12 },
      thresholds: { count: 10 },
    },
    ...overrides,
  };
}

/** Stores an alert and its `raised` change through the API's repository; returns the change. */
export async function storeRaisedAlert(pool: DbPool, alert: Alert): Promise<AlertChanged> {
  const repo = new AlertsRepository();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await repo.insertAlert(client, alert);
    await repo.lockChanges(client);
    const seq = await repo.appendChange(client, {
      alertId: alert.alertId,
      version: alert.version,
      change: 'raised',
      occurredAt: new Date(alert.raisedAt),
      actorUserId: null,
      actorRole: null,
      note: null,
      snapshot: alert,
    });
    await client.query('COMMIT');
    return {
      schema: 'alert.changed.v1',
      eventId: changeEventId(alert.alertId, alert.version),
      occurredAt: alert.raisedAt,
      seq,
      change: 'raised',
      alert,
    };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
