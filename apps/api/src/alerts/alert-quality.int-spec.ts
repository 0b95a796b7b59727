import request from 'supertest';
import {
  type Alert,
  type AlertQualityResponse,
  type ApiErrorBody,
  type TransitionResponse,
} from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ApiHarness, startApi } from '../testing/api-harness';

const MIN = 60_000;

describe('GET /api/alerts/quality (real PostgreSQL and Kafka)', () => {
  let api: ApiHarness;
  let analyst: string;
  let officer: string;
  const ruleId = `quality-${Date.now()}`;
  const t0 = Date.now() - 3 * 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString();
  const from = iso(t0 - MIN);
  const to = iso(Date.now() + MIN);

  const get = (path: string, token: string): request.Test =>
    request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token}`);
  const post = (path: string, token: string, body: object): request.Test =>
    request(api.url).post(`/api/${path}`).set('authorization', `Bearer ${token}`).send(body);

  /** An alert already answered: acknowledged after `ack` and resolved after `fix` minutes. */
  async function answered(
    colour: Alert['colour'],
    county: string,
    ack: number | null,
    fix: number | null,
    outcome?: Alert['outcome'],
  ): Promise<void> {
    const state = fix !== null ? 'resolved' : ack !== null ? 'acknowledged' : 'raised';
    const alert = anAlert(
      {
        ruleId,
        state,
        region: { county, township: `${county}001` },
        raisedAt: iso(t0),
        ...(ack === null ? {} : { acknowledgedAt: iso(t0 + ack * MIN) }),
        ...(fix === null ? {} : { resolvedAt: iso(t0 + fix * MIN) }),
        ...(outcome === undefined ? {} : { outcome }),
      },
      colour,
    );
    await storeRaisedAlert(api.pool, alert);
  }

  beforeAll(async () => {
    api = await startApi();
    analyst = (await api.login('analyst')).accessToken;
    officer = (await api.login('duty-officer')).accessToken;
    await answered('orange', '511902', 2, 10, 'false-alarm');
    await answered('orange', '511902', 4, 20, 'real-incident');
    await answered('blue', '511902', 6, null);
    await answered('red', '511921', 1, 30, 'duplicate');
  });
  afterAll(async () => {
    await api.close();
  });

  const quality = async (query: string): Promise<AlertQualityResponse> =>
    (await get(`alerts/quality?from=${from}&to=${to}&ruleId=${ruleId}${query}`, analyst).expect(200))
      .body as AlertQualityResponse;

  it('gives median MTTA and MTTR and the false-alarm rate, overall and by level, region and rule', async () => {
    const q = await quality('');
    expect(q.regionLevel).toBe('county');
    expect(q.overall).toEqual({
      alerts: 4,
      acknowledged: 4,
      mttaMs: 3 * MIN,
      resolved: 3,
      mttrMs: 20 * MIN,
      judged: 3,
      falseAlarms: 1,
      falseAlarmRate: 1 / 3,
    });
    expect(q.byLevel.map((r) => [r.key, r.alerts, r.mttaMs])).toEqual([
      ['red', 1, MIN],
      ['orange', 2, 3 * MIN],
      ['blue', 1, 6 * MIN],
    ]);
    expect(q.byRegion.map((r) => [r.key, r.alerts, r.mttrMs])).toEqual([
      ['511902', 3, 15 * MIN],
      ['511921', 1, 30 * MIN],
    ]);
    expect(q.byRule).toEqual([{ key: ruleId, ...q.overall }]);
  });

  it('narrows by level and region like the history list, townships under a county', async () => {
    const q = await quality('&colour=orange,blue&region=511902');
    expect(q.regionLevel).toBe('township');
    expect(q.overall).toMatchObject({ alerts: 3, judged: 2, falseAlarms: 1, falseAlarmRate: 0.5 });
    expect(q.byRegion.map((r) => r.key)).toEqual(['511902001']);
  });

  it('counts a false alarm resolved through the officers’ transition', async () => {
    const alert = anAlert({ ruleId: `${ruleId}-live`, raisedAt: iso(Date.now() - 5 * MIN) }, 'orange');
    await storeRaisedAlert(api.pool, alert);
    const ack = (await post(`alerts/${alert.alertId}/acknowledge`, officer, { version: 1 }).expect(200))
      .body as TransitionResponse;
    await post(`alerts/${alert.alertId}/resolve`, officer, {
      version: ack.alert.version,
      outcome: 'false-alarm',
      note: '误报：树影',
    }).expect(200);
    const q = (await get(`alerts/quality?from=${from}&to=${to}&ruleId=${ruleId}-live`, analyst).expect(200))
      .body as AlertQualityResponse;
    expect(q.byRule).toMatchObject([{ key: `${ruleId}-live`, judged: 1, falseAlarms: 1, falseAlarmRate: 1 }]);
    expect(q.overall.mttrMs).toBeGreaterThanOrEqual(5 * MIN - 1000);
  });

  it.each([
    ['to before from', `from=${to}&to=${from}`],
    ['more than 366 days', `from=${iso(Date.now() - 400 * 86_400_000)}&to=${to}`],
    ['no period', ''],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_t, query) => {
    const res = await get(`alerts/quality?${query}`, analyst).expect(400);
    expect((res.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
  });

  it('is for analysts and administrators, not duty officers', async () => {
    const res = await get(`alerts/quality?from=${from}&to=${to}`, officer).expect(403);
    expect((res.body as ApiErrorBody).code).toBe('FORBIDDEN');
  });
});
