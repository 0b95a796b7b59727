import request from 'supertest';
import { type Alert, type ApiErrorBody, type TransitionResponse } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { connectLive } from '../testing/live-client';

describe('escalating an alert by hand (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi();
    officer = (await api.login('duty-officer')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const escalate = (alertId: string, body: object, token = officer): request.Test =>
    request(api.url)
      .post(`/api/alerts/${alertId}/escalate`)
      .set('authorization', `Bearer ${token}`)
      .send(body);

  async function raised(overrides: Partial<Alert> = {}): Promise<Alert> {
    const alert = anAlert(overrides, 'red');
    await storeRaisedAlert(api.pool, alert);
    return alert;
  }

  it('climbs one level with the note, audited in the change’s transaction, and every wall sees it', async () => {
    const wall = await connectLive(api.url, (await api.login('wall')).accessToken);
    try {
      const alert = await raised();
      const res = (await escalate(alert.alertId, { version: 1, note: '十分钟无人响应' }).expect(200))
        .body as TransitionResponse;
      expect(res.alert).toMatchObject({ state: 'escalated', escalationLevel: 'township', version: 2 });
      await wall.waitFor(() => wall.changes.some((c) => c.seq === res.seq));
      const seen = wall.changes.find((c) => c.seq === res.seq);
      expect(seen).toMatchObject({ change: 'escalated' });
      // The note is free text: off the live stream (docs/security.md), in the alert's REST history.
      expect(seen?.note).toBeUndefined();
      const audit = await api.pool.query<{ action: string; detail: { seq: number } }>(
        `SELECT action, detail FROM audit_log WHERE target_type = 'alert' AND target_id = $1`,
        [alert.alertId],
      );
      expect(audit.rows).toEqual([expect.objectContaining({ action: 'alert.escalated' })]);
      expect(audit.rows[0]?.detail.seq).toBe(res.seq);
    } finally {
      wall.close();
    }
  });

  it('is idempotent by version: a retry answers the same, a stale version gets 409', async () => {
    const alert = await raised();
    const first = (await escalate(alert.alertId, { version: 1, note: '上报' }).expect(200))
      .body as TransitionResponse;
    const retry = (await escalate(alert.alertId, { version: 1, note: '上报' }).expect(200))
      .body as TransitionResponse;
    expect(retry.seq).toBe(first.seq);
    const stale = await request(api.url)
      .post(`/api/alerts/${alert.alertId}/acknowledge`)
      .set('authorization', `Bearer ${officer}`)
      .send({ version: 1, note: '收到' })
      .expect(409);
    expect((stale.body as ApiErrorBody).code).toBe('ALERT_VERSION_CONFLICT');
    const changes = await api.pool.query('SELECT 1 FROM alert_changes WHERE alert_id = $1', [alert.alertId]);
    expect(changes.rowCount).toBe(2);
  });

  it('escalates to a named level, refuses going down or past the city, and needs a note', async () => {
    const alert = await raised();
    await escalate(alert.alertId, { version: 1 }).expect(400);
    const toCity = (await escalate(alert.alertId, { version: 1, note: '重大', toLevel: 'city' }).expect(200))
      .body as TransitionResponse;
    expect(toCity.alert.escalationLevel).toBe('city');
    const past = await escalate(alert.alertId, { version: 2, note: '再上报' }).expect(409);
    expect((past.body as ApiErrorBody).code).toBe('ALERT_INVALID_TRANSITION');
  });

  it('is for responders only, and a scoped officer only inside the scope', async () => {
    const alert = await raised({ region: { county: '511921', township: '511921001' } });
    await escalate(alert.alertId, { version: 1, note: 'x' }, (await api.login('wall')).accessToken).expect(
      403,
    );
    const out = await escalate(
      alert.alertId,
      { version: 1, note: 'x' },
      (await api.login('officer-bazhou')).accessToken,
    ).expect(403);
    expect((out.body as ApiErrorBody).code).toBe('OUT_OF_SCOPE');
  });
});
