import request from 'supertest';
import { type KpiSnapshot, type TierComplianceResponse } from '@fengqiao/contracts';
import { anAlert, storeRaisedAlert } from '../testing/alert-fixtures';
import { type ClockedApi, claimTownship, startClockedApi, storeCase } from './kpi-fixtures';

/** Wednesday 2026-11-25 14:00 Beijing time; no holiday that week. */
const NOW = new Date('2026-11-25T14:00:00+08:00');
const at = (local: string): string => `2026-11-${local}+08:00`;

describe('KPI tiles and tier compliance from case_events (real PostgreSQL)', () => {
  let api: ClockedApi;
  let township: string;

  beforeAll(async () => {
    api = await startClockedApi(NOW);
    township = await claimTownship(api.pool);
    // Routed the same day, simple, closed that day: every promise kept; satisfaction 5.
    await storeCase(api.pool, township, [
      { type: 'reported', at: at('23T09:00:00') },
      { type: 'triaged', at: at('23T15:00:00'), tier: 'simple' },
      { type: 'resolved', at: at('23T17:00:00') },
      { type: 'closed', at: at('23T18:00:00'), satisfaction: 5 },
    ]);
    // Reported Friday, routed Tuesday (due end of Monday), resolved a day late; satisfaction 2.
    await storeCase(api.pool, township, [
      { type: 'reported', at: at('20T10:00:00') },
      { type: 'triaged', at: at('24T10:00:00'), tier: 'simple' },
      { type: 'resolved', at: at('25T09:00:00') },
      { type: 'closed', at: at('25T10:00:00'), satisfaction: 2 },
    ]);
    // Reported today: counted today, routing not due yet.
    await storeCase(api.pool, township, [{ type: 'reported', at: at('25T08:00:00') }]);
    // Major: handed up to a leader within 24 h (an escalation stops that clock in every rule version).
    await storeCase(api.pool, township, [
      { type: 'reported', at: at('23T10:00:00') },
      { type: 'triaged', at: at('23T11:00:00'), tier: 'major' },
      { type: 'escalated', at: at('23T20:00:00') },
    ]);
    // Major: a leader took charge within 24 h (reported this morning: routing not due yet).
    await storeCase(api.pool, township, [
      { type: 'reported', at: at('25T07:00:00') },
      { type: 'triaged', at: at('24T08:00:00'), tier: 'major' },
      { type: 'leader-assigned', at: at('24T09:00:00') },
    ]);
    // The same window a year earlier had one case.
    await storeCase(api.pool, township, [{ type: 'reported', at: '2025-11-10T09:00:00+08:00' }]);
    await storeRaisedAlert(
      api.pool,
      anAlert({ region: { county: township.slice(0, 6), township }, raisedAt: NOW.toISOString() }, 'red'),
    );
    for (const online of [true, false]) {
      const id = `${township}${String(Date.now()).slice(-6)}${online ? '11111' : '22222'}`;
      await api.pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, 'k', 'road', $2, $3, 107.1, 31.6, 't', $1, now())`,
        [id, township.slice(0, 6), township],
      );
      await api.pool.query(
        'INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, $2, now(), now())',
        [id, online],
      );
    }
  });
  afterAll(async () => {
    await api.close();
  });

  const get = <T>(path: string, token = api.token('wall')): Promise<T> =>
    request(api.url)
      .get(`/api/${path}`)
      .set('authorization', `Bearer ${token}`)
      .expect(200)
      .then((r) => r.body as T);

  it('computes every tile of a township, each stamped with when it was computed', async () => {
    const k = await get<KpiSnapshot>(`kpis?region=${township}`);
    const asOf = NOW.toISOString();
    expect(k).toMatchObject({
      scope: { region: township },
      windowDays: 30,
      casesToday: { value: 2, asOf },
      routedWithinOneWorkingDay: { routed: 2, total: 3, rate: 0.6667, asOf },
      resolutionRate: { resolved: 2, total: 5, rate: 0.4 },
      averageCycleHours: {
        value: 63.5,
        cases: 2,
        jointMediation: { days: null, cases: 0, previousDays: null, changePercent: null },
      },
      disputesYearOnYear: { current: 5, previous: 1, changePercent: 400 },
      satisfaction: { average: 3.5, satisfiedShare: 0.5, responses: 2 },
      camerasOnline: { online: 1, total: 2, share: 0.5 },
      openAlerts: { blue: 0, orange: 0, red: 1 },
    });
    expect(k.onTimeByTier.rows).toEqual([
      { tier: 'consultation', onTime: 0, due: 0, rate: null },
      { tier: 'simple', onTime: 1, due: 2, rate: 0.5 },
      { tier: 'general', onTime: 0, due: 0, rate: null },
      { tier: 'complex', onTime: 0, due: 0, rate: null },
      { tier: 'major', onTime: 2, due: 2, rate: 1 },
    ]);
  });

  it('compares the joint-mediation cycle with the same window a year earlier (issue 21)', async () => {
    const other = await claimTownship(api.pool);
    // This window: jointly mediated, 10 days from report to resolution; one mediated alone (not counted).
    await storeCase(api.pool, other, [
      { type: 'reported', at: at('01T09:00:00') },
      { type: 'triaged', at: at('01T10:00:00'), tier: 'complex' },
      { type: 'in-mediation', at: at('03T09:00:00'), joint: true },
      { type: 'resolved', at: at('11T09:00:00') },
    ]);
    await storeCase(api.pool, other, [
      { type: 'reported', at: at('02T09:00:00') },
      { type: 'in-mediation', at: at('03T09:00:00'), joint: false },
      { type: 'resolved', at: at('22T09:00:00') },
    ]);
    // A year earlier, in the same window: 30 days.
    await storeCase(api.pool, other, [
      { type: 'reported', at: '2025-10-20T09:00:00+08:00' },
      { type: 'in-mediation', at: '2025-10-25T09:00:00+08:00', joint: true },
      { type: 'resolved', at: '2025-11-19T09:00:00+08:00' },
    ]);
    const k = await get<KpiSnapshot>(`kpis?region=${other}`);
    expect(k.averageCycleHours.jointMediation).toEqual({
      days: 10,
      cases: 1,
      previousDays: 30,
      changePercent: -66.7,
    });
  });

  it('gives a scoped officer their own scope and refuses a region outside it', async () => {
    const officer = api.token('duty-officer', [township]);
    expect((await get<KpiSnapshot>('kpis', officer)).scope.region).toBe(township);
    await request(api.url)
      .get('/api/kpis?region=511902')
      .set('authorization', `Bearer ${officer}`)
      .expect(403);
  });

  it('series the on-time rate per tier by the day each promise fell due', async () => {
    const from = encodeURIComponent('2026-11-20T00:00:00+08:00');
    const to = encodeURIComponent('2026-11-26T00:00:00+08:00');
    const res = await get<TierComplianceResponse>(
      `kpis/tier-compliance?from=${from}&to=${to}&bucket=day&region=${township}`,
    );
    expect(res.points).toEqual([
      { bucket: '2026-11-22T16:00:00.000Z', tier: 'simple', onTime: 1, due: 1, rate: 1 },
      { bucket: '2026-11-23T16:00:00.000Z', tier: 'simple', onTime: 0, due: 1, rate: 0 },
      { bucket: '2026-11-23T16:00:00.000Z', tier: 'major', onTime: 1, due: 1, rate: 1 },
      { bucket: '2026-11-24T16:00:00.000Z', tier: 'major', onTime: 1, due: 1, rate: 1 },
    ]);
    const weekly = await get<TierComplianceResponse>(
      `kpis/tier-compliance?from=${from}&to=${to}&bucket=week&region=${township}`,
    );
    expect(weekly.points).toEqual([
      { bucket: '2026-11-22T16:00:00.000Z', tier: 'simple', onTime: 1, due: 2, rate: 0.5 },
      { bucket: '2026-11-22T16:00:00.000Z', tier: 'major', onTime: 2, due: 2, rate: 1 },
    ]);
  });
});
