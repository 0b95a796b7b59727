import { alertChangedSchema, type Alert } from '@fengqiao/contracts';
import { alertChangeEventId, type AlertChangeRow, toAlertChanged } from './alert-rows';

const alert: Alert = {
  alertId: '3f2b8a9e-5c1d-4e7f-9a0b-1c2d3e4f5a6b',
  dedupKey: 'k',
  ruleId: 'r',
  ruleVersion: 1,
  colour: 'red',
  state: 'acknowledged',
  version: 2,
  title: 't',
  region: { county: '511902' },
  escalationLevel: 'grid',
  raisedAt: '2026-12-06T00:00:00.000Z',
  updatedAt: '2026-12-06T00:01:00.000Z',
  acknowledgedAt: '2026-12-06T00:01:00.000Z',
  explanation: { summary: 's', evidence: [], values: {}, thresholds: {} },
};
const row: AlertChangeRow = {
  seq: 42,
  alert_id: alert.alertId,
  version: 2,
  change: 'acknowledged',
  occurred_at: new Date(alert.updatedAt),
  actor_user_id: 'u1',
  actor_role: 'duty-officer',
  note: null,
  snapshot: alert,
};

describe('the one mapping of an alert change', () => {
  it('gives one event id per alert version, the same wherever it is computed', () => {
    expect(alertChangeEventId(alert.alertId, 2)).toBe(alertChangeEventId(alert.alertId, 2));
    expect(alertChangeEventId(alert.alertId, 2)).not.toBe(alertChangeEventId(alert.alertId, 3));
    // Pinned: ids already published and replayed keep their value.
    expect(alertChangeEventId('3f2b8a9e-5c1d-4e7f-9a0b-1c2d3e4f5a6b', 2)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('builds a valid alert.changed.v1 from a row: the relay and the replay send the same message', () => {
    const message = toAlertChanged(row);
    expect(alertChangedSchema.parse(message)).toEqual(message);
    expect(message).toMatchObject({
      eventId: alertChangeEventId(alert.alertId, 2),
      seq: 42,
      occurredAt: alert.updatedAt,
      actor: { userId: 'u1', role: 'duty-officer' },
    });
    expect(message).not.toHaveProperty('note');
  });
});
