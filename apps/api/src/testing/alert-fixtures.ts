import { randomUUID } from 'node:crypto';
import { type Alert, type AlertChanged, type AlertColour } from '@fengqiao/contracts';
import { alertChangeEventId, AlertStore, type DbPool, withTransaction } from '@fengqiao/db';

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

/**
 * Stores an alert and its `raised` change through the alert store, as the warning service does
 * (the change is an outbox row, published by whichever relay runs); returns the change.
 */
export async function storeRaisedAlert(pool: DbPool, alert: Alert): Promise<AlertChanged> {
  const store = new AlertStore();
  const seq = await withTransaction(pool, async (tx) => {
    await store.insertAlert(tx, alert);
    return store.appendChange(tx, { change: 'raised', alert, occurredAt: new Date(alert.raisedAt) });
  });
  if (seq === undefined) throw new Error(`alert ${alert.alertId} v${alert.version} was already recorded`);
  return {
    schema: 'alert.changed.v1',
    eventId: alertChangeEventId(alert.alertId, alert.version),
    occurredAt: alert.raisedAt,
    seq,
    change: 'raised',
    alert,
  };
}
