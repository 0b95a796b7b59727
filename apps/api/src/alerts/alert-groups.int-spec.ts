import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type Alert, type ApiErrorBody, type GroupCommandResponse } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

// Issue 20 (grouping): a group command acts on every member the caller may see, each through the
// single transition — its own change row on the outbox (published by the relay) and audit row.
describe('alert group commands (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  let bazhouOfficer: string;
  let wall: string;

  beforeAll(async () => {
    api = await startApi({ writeLimitPerMinute: 10_000 });
    bazhouOfficer = (await api.login('officer-bazhou')).accessToken;
    wall = (await api.login('wall')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (path: string, token: string, body: object): request.Test =>
    request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token}`).send(body);

  /** `n` camera-offline alerts of one rule at schools in one township (one group). */
  async function storm(n: number, ruleId: string, township = '511902001'): Promise<Alert[]> {
    const out: Alert[] = [];
    for (let i = 0; i < n; i += 1) {
      const a = anAlert(
        {
          ruleId,
          colour: 'blue',
          title: '学校或车站摄像头离线',
          region: { county: township.slice(0, 6), township },
          explanation: {
            summary: 'offline',
            evidence: [],
            values: { online: false, siteType: 'school' },
            thresholds: {},
          },
        },
        'blue',
      );
      await storeRaisedAlert(api.pool, a);
      out.push(a);
    }
    return out;
  }
  const membersOf = (alerts: readonly Alert[]) =>
    alerts.map((a) => ({ alertId: a.alertId, version: a.version }));
  const ruleId = (): string => `group-spec-${randomUUID().slice(0, 8)}`;

  async function auditOf(ids: readonly string[]): Promise<{ target_id: string; action: string }[]> {
    const r = await api.pool.query<{ target_id: string; action: string }>(
      "SELECT target_id, action FROM audit_log WHERE target_type = 'alert' AND target_id = ANY($1) ORDER BY target_id",
      [ids],
    );
    return r.rows;
  }

  async function unpublished(ids: readonly string[], change: string): Promise<number> {
    const r = await api.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM alert_changes WHERE alert_id = ANY($1) AND change = $2 AND published_at IS NULL',
      [ids, change],
    );
    return r.rows[0]?.n ?? -1;
  }

  it('acknowledges every member it may see, each audited and published through the outbox', async () => {
    const group = await storm(30, ruleId());
    const elsewhere = anAlert({ region: { county: '511923', township: '511923001' } }, 'blue');
    await storeRaisedAlert(api.pool, elsewhere);
    const body = {
      members: [...membersOf(group), { alertId: elsewhere.alertId, version: 1 }],
      note: '批量确认',
    };
    const res = (await post('alerts/groups/acknowledge', bazhouOfficer, body).expect(200))
      .body as GroupCommandResponse;
    expect(res.done).toBe(30);
    expect(res.results.slice(0, 30).every((r) => r.ok && r.state === 'acknowledged' && r.version === 2)).toBe(
      true,
    );
    // Outside 巴州区: not acted on, and answered as if it did not exist.
    expect(res.results[30]).toMatchObject({ alertId: elsewhere.alertId, ok: false, code: 'NOT_FOUND' });
    const ids = group.map((a) => a.alertId);
    const audit = await auditOf([...ids, elsewhere.alertId]);
    expect(audit).toEqual([...ids].sort().map((id) => ({ target_id: id, action: 'alert.acknowledged' })));
    const seqs = res.results.flatMap((r) => (r.ok ? [r.seq] : []));
    expect(new Set(seqs).size).toBe(30);
    // The relay publishes every member's change to Kafka (published_at set) within a few seconds.
    const deadline = Date.now() + 20_000;
    while ((await unpublished(ids, 'acknowledged')) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await unpublished(ids, 'acknowledged')).toBe(0);
  });

  it('refuses a stale member with its code and still acknowledges the others', async () => {
    const group = await storm(3, ruleId());
    const members = membersOf(group).map((m, i) => (i === 1 ? { ...m, version: 5 } : m));
    const res = (await post('alerts/groups/acknowledge', bazhouOfficer, { members }).expect(200))
      .body as GroupCommandResponse;
    expect(res.done).toBe(2);
    expect(res.results[1]).toMatchObject({ ok: false, code: 'ALERT_VERSION_CONFLICT' });
    expect(await auditOf([group[1]?.alertId ?? ''])).toEqual([]);
  });

  it('silences a group for a while, each member audited', async () => {
    const group = await storm(4, ruleId());
    const res = (
      await post('alerts/groups/silence', bazhouOfficer, {
        members: membersOf(group),
        minutes: 30,
        note: '学校放假，摄像头检修',
      }).expect(200)
    ).body as GroupCommandResponse;
    expect(res.done).toBe(4);
    expect(res.results.map((r) => r.ok && r.state)).toEqual(['silenced', 'silenced', 'silenced', 'silenced']);
    expect((await auditOf(group.map((a) => a.alertId))).map((r) => r.action)).toEqual(
      Array(4).fill('alert.silenced'),
    );
  });

  it('refuses members that are not one group (another area, or a red alert) and acts on none', async () => {
    const id = ruleId();
    const [a] = await storm(1, id, '511902001');
    const [b] = await storm(1, id, '511902002');
    const mixed = await post('alerts/groups/acknowledge', bazhouOfficer, {
      members: membersOf([a as Alert, b as Alert]),
    }).expect(400);
    expect((mixed.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    const red = anAlert({ ruleId: id, region: { county: '511902', township: '511902001' } }, 'red');
    await storeRaisedAlert(api.pool, red);
    await post('alerts/groups/acknowledge', bazhouOfficer, {
      members: membersOf([a as Alert, red]),
      note: '不应生效',
    }).expect(400);
    expect(await auditOf([a?.alertId ?? '', b?.alertId ?? '', red.alertId])).toEqual([]);
  });

  it('refuses a wall (watchers do not change alerts) and a body without members', async () => {
    const [a] = await storm(1, ruleId());
    const denied = await post('alerts/groups/acknowledge', wall, { members: membersOf([a as Alert]) }).expect(
      403,
    );
    expect((denied.body as ApiErrorBody).code).toBe('FORBIDDEN');
    const empty = await post('alerts/groups/acknowledge', bazhouOfficer, { members: [] }).expect(400);
    expect((empty.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
  });
});
