import request from 'supertest';
import {
  type Alert,
  type AlertDetail,
  type AlertListResponse,
  type ApiErrorBody,
  type TransitionResponse,
} from '@fengqiao/contracts';
import { AuditService } from '../audit/audit.service';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

describe('alerts REST (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  let officer: string;
  let bazhouOfficer: string;
  let wall: string;

  beforeAll(async () => {
    api = await startApi();
    officer = (await api.login('duty-officer')).accessToken;
    bazhouOfficer = (await api.login('officer-bazhou')).accessToken;
    wall = (await api.login('wall')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (path: string, token: string, body: object): request.Test =>
    request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token}`).send(body);
  const get = (path: string, token: string): request.Test =>
    request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token}`);

  async function raised(overrides: Partial<Alert> = {}, colour: Alert['colour'] = 'orange'): Promise<Alert> {
    const alert = anAlert(overrides, colour);
    await storeRaisedAlert(api.pool, alert);
    return alert;
  }

  it('lists by colour and region, newest first, and keeps a scoped officer inside 巴州区', async () => {
    const ruleId = `rule-${Date.now()}`;
    const inBazhou = await raised({ ruleId }, 'red');
    const inTongjiang = await raised({ ruleId, region: { county: '511921', township: '511921001' } }, 'red');
    const city = (await get(`alerts?ruleId=${ruleId}&colour=red`, wall).expect(200))
      .body as AlertListResponse;
    expect(city.items.map((a) => a.alertId).sort()).toEqual([inBazhou.alertId, inTongjiang.alertId].sort());
    const scoped = (await get(`alerts?ruleId=${ruleId}`, bazhouOfficer).expect(200))
      .body as AlertListResponse;
    expect(scoped.items.map((a) => a.alertId)).toEqual([inBazhou.alertId]);
    await get(`alerts/${inTongjiang.alertId}`, bazhouOfficer).expect(404);
    await post(`alerts/${inTongjiang.alertId}/acknowledge`, bazhouOfficer, { version: 1, note: 'x' }).expect(
      403,
    );
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const ruleId = `page-${Date.now()}`;
    for (let i = 0; i < 5; i += 1)
      await raised({ ruleId, raisedAt: new Date(Date.now() - i * 1000).toISOString() });
    const first = (await get(`alerts?ruleId=${ruleId}&limit=2`, wall).expect(200)).body as AlertListResponse;
    const second = (await get(`alerts?ruleId=${ruleId}&limit=2&cursor=${first.nextCursor}`, wall).expect(200))
      .body as AlertListResponse;
    const third = (await get(`alerts?ruleId=${ruleId}&limit=2&cursor=${second.nextCursor}`, wall).expect(200))
      .body as AlertListResponse;
    const ids = [...first.items, ...second.items, ...third.items].map((a) => a.alertId);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('acknowledges a red alert only with a note, then records change, audit row and history', async () => {
    const alert = await raised({}, 'red');
    const noNote = await post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1 }).expect(422);
    expect((noNote.body as ApiErrorBody).code).toBe('ALERT_NOTE_REQUIRED');
    const ack = (
      await post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1, note: '已联系网格员' }).expect(
        200,
      )
    ).body as TransitionResponse;
    expect(ack.alert).toMatchObject({ state: 'acknowledged', version: 2 });
    const audit = await api.pool.query<{ action: string; actor_role: string }>(
      "SELECT action, actor_role FROM audit_log WHERE target_id = $1 AND target_type = 'alert'",
      [alert.alertId],
    );
    expect(audit.rows).toEqual([{ action: 'alert.acknowledged', actor_role: 'duty-officer' }]);
    const detail = (await get(`alerts/${alert.alertId}`, wall).expect(200)).body as AlertDetail;
    expect(detail.history.map((h) => [h.change, h.seq])).toEqual([
      ['raised', expect.any(Number)],
      ['acknowledged', ack.seq],
    ]);
    // The console names the officer who acted (their account's display name), not just a role.
    const names = await api.pool.query<{ display_name: string }>(
      'SELECT display_name FROM users WHERE user_id::text = $1',
      [detail.history[1]?.actor?.userId],
    );
    expect(detail.history[0]?.actor).toBeUndefined();
    expect(detail.history[1]?.actor).toMatchObject({
      role: 'duty-officer',
      name: names.rows[0]?.display_name,
    });
    expect(names.rows[0]?.display_name).toEqual(expect.any(String));
    expect(detail.alert.explanation.evidence).toHaveLength(1);
  });

  it('answers a stale version with 409, and a retried identical request with the same result', async () => {
    const alert = await raised();
    const first = (await post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1 }).expect(200))
      .body as TransitionResponse;
    const retry = (await post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1 }).expect(200))
      .body as TransitionResponse;
    expect(retry.seq).toBe(first.seq);
    const other = await post(`alerts/${alert.alertId}/acknowledge`, bazhouOfficer, { version: 1 }).expect(
      409,
    );
    expect((other.body as ApiErrorBody).code).toBe('ALERT_VERSION_CONFLICT');
    const changes = await api.pool.query('SELECT 1 FROM alert_changes WHERE alert_id = $1', [alert.alertId]);
    expect(changes.rowCount).toBe(2);
  });

  it('lets exactly one of two concurrent acknowledgements win', async () => {
    const alert = await raised();
    const results = await Promise.all([
      post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1 }),
      post(`alerts/${alert.alertId}/acknowledge`, bazhouOfficer, { version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('dispatches and resolves with an outcome; refuses to silence red or resolve twice', async () => {
    const red = await raised({}, 'red');
    const silence = await post(`alerts/${red.alertId}/silence`, officer, {
      version: 1,
      minutes: 30,
      note: 'n',
    }).expect(422);
    expect((silence.body as ApiErrorBody).code).toBe('ALERT_NOT_SILENCEABLE');
    await post(`alerts/${red.alertId}/acknowledge`, officer, { version: 1, note: '收到' }).expect(200);
    await post(`alerts/${red.alertId}/dispatch`, officer, { version: 2, unit: 'center@511902' }).expect(200);
    const done = (
      await post(`alerts/${red.alertId}/resolve`, officer, { version: 3, outcome: 'real-incident' }).expect(
        200,
      )
    ).body as TransitionResponse;
    expect(done.alert).toMatchObject({ state: 'resolved', outcome: 'real-incident', version: 4 });
    const again = await post(`alerts/${red.alertId}/resolve`, officer, {
      version: 4,
      outcome: 'real-incident',
    }).expect(409);
    expect((again.body as ApiErrorBody).code).toBe('ALERT_INVALID_TRANSITION');
    const blue = await raised({}, 'blue');
    await post(`alerts/${blue.alertId}/silence`, officer, { version: 1, minutes: 30, note: '演练' }).expect(
      200,
    );
  });

  it('keeps the audit log append-only and its hash chain verifiable', async () => {
    await expect(api.pool.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(api.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(api.pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    // The API's own verifier (its checkpoints and signing key come with it).
    const verifier = api.app.get(AuditService);
    const intact = await verifier.verify(api.pool);
    expect(intact).toMatchObject({ ok: true, firstBadSeq: null });
    expect(intact.rows).toBeGreaterThan(0);
    // Tampering by someone who can disable triggers (inside a rolled-back transaction).
    const client = await api.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      const { rows } = await client.query<{ seq: number }>('SELECT min(seq)::int AS seq FROM audit_log');
      await client.query('UPDATE audit_log SET detail = \'{"note":"forged"}\' WHERE seq = $1', [
        rows[0]?.seq,
      ]);
      expect(await verifier.verify(client)).toMatchObject({ ok: false, firstBadSeq: rows[0]?.seq });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
