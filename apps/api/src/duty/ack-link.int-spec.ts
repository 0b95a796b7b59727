import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody, type TransitionResponse } from '@fengqiao/contracts';
import { NotificationsRepository } from '@fengqiao/db';
import { signAckLink } from '@fengqiao/notify';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// Acknowledging from a notification through the real API and PostgreSQL: the signed link works
// once, for the person it was sent to, after sign-in, within its lifetime, and acknowledges
// through the console's own path (outbox row with the actor, audit entry).
let api: ApiHarness;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startApi();
  for (const role of ['duty-officer', 'admin'] as const) {
    const pair = await api.login(role);
    tokens[role] = pair.accessToken;
    ids[role] = pair.user.userId;
  }
});
afterAll(async () => {
  await api.close();
});

const redeem = (who: string, token: string) =>
  request(api.url)
    .post('/api/alerts/ack-link')
    .set('authorization', `Bearer ${tokens[who] ?? ''}`)
    .send({ token });

async function aNotifiedRedAlert(): Promise<{ alertId: string; notificationId: string }> {
  const alert = anAlert({}, 'red');
  await storeRaisedAlert(api.pool, alert);
  const notificationId = randomUUID();
  await new NotificationsRepository().plan(
    api.pool,
    {
      notification_id: notificationId,
      alert_id: alert.alertId,
      alert_version: 1,
      reason: 'first',
      level: 'grid',
      region_code: '511902001',
      duty_role: 'primary',
      user_id: ids['duty-officer'] ?? '',
      channel: 'email',
      address: 'duty@fengqiao.test',
      status: 'delivered',
      due_at: new Date(),
      last_error: null,
    },
    new Date(),
  );
  return { alertId: alert.alertId, notificationId };
}

const tokenFor = (
  n: { alertId: string; notificationId: string },
  userId: string,
  expiresInSec = 600,
  secret = api.config.notify.secret,
) => signAckLink(secret, { ...n, userId, expiresAt: Math.floor(Date.now() / 1000) + expiresInSec });

describe('acknowledge from the message', () => {
  it('acknowledges as the signed-in person it was sent to, audited like the console; then works no more', async () => {
    const n = await aNotifiedRedAlert();
    const token = tokenFor(n, ids['duty-officer'] ?? '');
    const res = await redeem('duty-officer', token);
    expect(res.status).toBe(200);
    expect((res.body as TransitionResponse).alert).toMatchObject({
      alertId: n.alertId,
      state: 'acknowledged',
      version: 2,
    });
    const change = await api.pool.query<{ change: string; actor_user_id: string; note: string }>(
      'SELECT change, actor_user_id, note FROM alert_changes WHERE alert_id = $1 AND version = 2',
      [n.alertId],
    );
    expect(change.rows[0]).toMatchObject({ change: 'acknowledged', actor_user_id: ids['duty-officer'] });
    expect(change.rows[0]?.note).toContain(`ack link ${n.notificationId}`);
    const audit = await api.pool.query<{ action: string; actor_user_id: string }>(
      `SELECT action, actor_user_id FROM audit_log WHERE target_type = 'alert' AND target_id = $1`,
      [n.alertId],
    );
    expect(audit.rows).toEqual([{ action: 'alert.acknowledged', actor_user_id: ids['duty-officer'] }]);
    const again = await redeem('duty-officer', token);
    expect(again.status).toBe(409);
    expect((again.body as ApiErrorBody).code).toBe('ACK_LINK_USED');
  });

  it.each([
    [
      'expired',
      (n: { alertId: string; notificationId: string }) => tokenFor(n, ids['duty-officer'] ?? '', -1),
      410,
      'ACK_LINK_EXPIRED',
    ],
    [
      'forged (another secret)',
      (n: { alertId: string; notificationId: string }) =>
        tokenFor(n, ids['duty-officer'] ?? '', 600, 'not-the-secret-of-this-deployment'),
      400,
      'ACK_LINK_INVALID',
    ],
    [
      'tampered (another alert)',
      (n: { alertId: string; notificationId: string }) =>
        tokenFor(n, ids['duty-officer'] ?? '').replace(n.alertId, randomUUID()),
      400,
      'ACK_LINK_INVALID',
    ],
    ['not a token', () => 'a1.not-a-token-at-all', 400, 'ACK_LINK_INVALID'],
  ])('a link that is %s is refused and the alert stays raised', async (_what, make, status, code) => {
    const n = await aNotifiedRedAlert();
    const res = await redeem('duty-officer', make(n));
    expect([res.status, (res.body as ApiErrorBody).code]).toEqual([status, code]);
    const row = await api.pool.query<{ state: string }>('SELECT state FROM alerts WHERE alert_id = $1', [
      n.alertId,
    ]);
    expect(row.rows[0]?.state).toBe('raised');
  });

  it('someone else signed in cannot use it, and it stays usable by its person', async () => {
    const n = await aNotifiedRedAlert();
    const token = tokenFor(n, ids['duty-officer'] ?? '');
    const res = await redeem('admin', token);
    expect([res.status, (res.body as ApiErrorBody).code]).toEqual([403, 'ACK_LINK_NOT_YOURS']);
    expect((await redeem('duty-officer', token)).status).toBe(200);
  });

  it('without sign-in it is refused before anything else', async () => {
    const n = await aNotifiedRedAlert();
    const res = await request(api.url)
      .post('/api/alerts/ack-link')
      .send({ token: tokenFor(n, ids['duty-officer'] ?? '') });
    expect(res.status).toBe(401);
  });

  it('a link for an alert already acknowledged on the console is not spent', async () => {
    const n = await aNotifiedRedAlert();
    const console = await request(api.url)
      .post(`/api/alerts/${n.alertId}/acknowledge`)
      .set('authorization', `Bearer ${tokens.admin ?? ''}`)
      .send({ version: 1, note: '控制台确认' });
    expect(console.status).toBe(200);
    const res = await redeem('duty-officer', tokenFor(n, ids['duty-officer'] ?? ''));
    expect((res.body as ApiErrorBody).code).toBe('ALERT_INVALID_TRANSITION');
    const used = await api.pool.query('SELECT 1 FROM ack_link_uses WHERE notification_id = $1', [
      n.notificationId,
    ]);
    expect(used.rowCount).toBe(0);
  });
});
