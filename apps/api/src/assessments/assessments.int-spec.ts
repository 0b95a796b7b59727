import request from 'supertest';
import { type CameraSiteTypes, type QuarterlyScorecard } from '@fengqiao/contracts';
import { type ClockedApi, claimTownship, startClockedApi, storeCase } from '../kpis/kpi-fixtures';

/**
 * The quarterly assessment and the site-type coverage from the KPI facts (real PostgreSQL). 2023-Q2
 * is a quarter no other suite writes to: the test townships are the only ones with facts in it, so
 * their scores and ranks are known exactly. Tuesday 2023-06-20 12:00 Beijing; no holiday in the
 * calendar before it.
 */
const NOW = new Date('2023-06-20T12:00:00+08:00');
const at = (local: string): string => `2023-06-${local}+08:00`;

describe('GET /api/assessments/quarterly and /api/cameras/site-types (real PostgreSQL)', () => {
  let api: ClockedApi;
  let good: string;
  let poor: string;

  async function register(code: string, name: string): Promise<void> {
    await api.pool.query(
      `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight)
       VALUES ($1, 'township', $2, $3, 107.1, 31.6, 1)`,
      [code, code.slice(0, 6), name],
    );
  }

  beforeAll(async () => {
    api = await startClockedApi(NOW);
    good = await claimTownship(api.pool);
    poor = await claimTownship(api.pool);
    await register(good, '考评甲镇');
    await register(poor, '考评乙镇');
    // Routed within the hour, simple closed the same day (5); general in 2 days by the joint team (4).
    await storeCase(api.pool, good, [
      { type: 'reported', at: at('05T09:00:00') },
      { type: 'triaged', at: at('05T10:00:00'), tier: 'simple' },
      { type: 'resolved', at: at('05T16:00:00') },
      { type: 'closed', at: at('05T17:00:00'), satisfaction: 5 },
    ]);
    await storeCase(api.pool, good, [
      { type: 'reported', at: at('06T09:00:00') },
      { type: 'triaged', at: at('06T11:00:00'), tier: 'general' },
      { type: 'in-mediation', at: at('06T12:00:00'), joint: true },
      { type: 'resolved', at: at('08T10:00:00') },
      { type: 'closed', at: at('08T11:00:00'), satisfaction: 4 },
    ]);
    // Routed Thursday (due end of Tuesday), simple finished a day late (2); a simple case never finished.
    await storeCase(api.pool, poor, [
      { type: 'reported', at: at('05T09:00:00') },
      { type: 'triaged', at: at('08T09:00:00'), tier: 'simple' },
      { type: 'resolved', at: at('09T09:00:00') },
      { type: 'closed', at: at('09T10:00:00'), satisfaction: 2 },
    ]);
    await storeCase(api.pool, poor, [
      { type: 'reported', at: at('12T09:00:00') },
      { type: 'triaged', at: at('12T10:00:00'), tier: 'simple' },
    ]);
    const cams: [string, boolean][] = [
      ['school', true],
      ['school', false],
      ['road', true],
    ];
    for (const [i, [site, online]] of cams.entries()) {
      const id = `${good}${String(Date.now()).slice(-6)}${String(i).padStart(5, '0')}`;
      await api.pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, lon, lat, department, stream_key, registered_at)
         VALUES ($1, 'k', $2, $3, $4, 107.1, 31.6, 't', $1, now())`,
        [id, site, good.slice(0, 6), good],
      );
      await api.pool.query(
        'INSERT INTO camera_state (camera_id, online, changed_at, seen_at) VALUES ($1, $2, now(), now())',
        [id, online],
      );
    }
  });

  afterAll(async () => {
    // The region tree must stay the package's (geodata.int-spec): the test townships go again.
    await api.pool.query('DELETE FROM regions WHERE code = ANY($1)', [[good, poor]]);
    await api.close();
  });

  const get = (path: string, token: string) =>
    request(api.url).get(`/api/${path}`).set('authorization', `Bearer ${token}`);

  it('scores known facts to known figures, ranked in county and city', async () => {
    const res = await get('assessments/quarterly?quarter=2023-Q2', api.token('analyst'));
    expect(res.status).toBe(200);
    const card = res.body as QuarterlyScorecard;
    expect(card).toMatchObject({
      quarter: { label: '2023-Q2', start: '2023-04-01', end: '2023-07-01' },
      complete: false,
      weights: { onTime: 35, routing: 20, overdue: 15, satisfaction: 20, jointMediation: 10 },
    });
    const row = (code: string) => card.townships.find((t) => t.township === code);
    expect(row(good)).toMatchObject({
      name: '考评甲镇',
      score: 100,
      rankInCounty: 1,
      rankInCity: 1,
      onTimeRate: 1,
      routingRate: 1,
      overdue: 0,
      satisfiedShare: 1,
      jointMediationShare: 0.5,
    });
    // 35×0 + 20×(1/2 routed) + 15×(1 − 1/10 overdue) + 20×(0/1 satisfied) + 10×(0 ÷ the best 0.5)
    expect(row(poor)).toMatchObject({
      score: 23.5,
      rankInCounty: 2,
      rankInCity: 2,
      onTimeRate: 0,
      routedOnTime: 1,
      routingJudged: 2,
      overdue: 1,
      satisfiedShare: 0,
    });
    // Every registry township is listed; those with no facts in the quarter are unranked, last.
    expect(card.townships.slice(0, 2).map((t) => t.township)).toEqual([good, poor]);
    expect(card.townships.slice(2).every((t) => t.score === null && t.rankInCity === null)).toBe(true);
  });

  it('a scoped analyst sees only the townships of their county, with their city ranks', async () => {
    const res = await get('assessments/quarterly?quarter=2023-Q2', api.token('analyst', [good.slice(0, 6)]));
    expect(res.status).toBe(200);
    const card = res.body as QuarterlyScorecard;
    expect(card.townships.every((t) => t.county === good.slice(0, 6))).toBe(true);
    expect(card.townships.find((t) => t.township === poor)?.rankInCity).toBe(2);
  });

  it('refuses a quarter not begun, a malformed one and a duty officer, with codes', async () => {
    const notBegun = await get('assessments/quarterly?quarter=2023-Q3', api.token('analyst'));
    expect([notBegun.status, (notBegun.body as { code: string }).code]).toEqual([400, 'VALIDATION_FAILED']);
    const bad = await get('assessments/quarterly?quarter=2023-Q7', api.token('analyst'));
    expect([bad.status, (bad.body as { code: string }).code]).toEqual([400, 'VALIDATION_FAILED']);
    const officer = await get('assessments/quarterly', api.token('duty-officer'));
    expect(officer.status).toBe(403);
  });

  it('counts cameras, online rate and township coverage per site type', async () => {
    const res = await get(`cameras/site-types?region=${good}`, api.token('wall'));
    expect(res.status).toBe(200);
    const body = res.body as CameraSiteTypes;
    expect(body.townships).toBe(1);
    const of = (t: string) => body.rows.find((r) => r.siteType === t);
    expect(of('school')).toEqual({
      siteType: 'school',
      total: 2,
      online: 1,
      onlineRate: 0.5,
      townshipsCovered: 1,
      coverage: 1,
    });
    expect(of('road')).toMatchObject({ total: 1, online: 1, onlineRate: 1 });
    expect(of('square')).toMatchObject({ total: 0, onlineRate: null, coverage: 0 });
  });
});
