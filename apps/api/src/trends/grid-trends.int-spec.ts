import request from 'supertest';
import {
  type BreakdownResponse,
  type TrendSeriesResponse,
  type YearOnYearResponse,
} from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { GridAnalyticsRefresher } from './grid-analytics-refresher';

/** A category and a township of this run only, so other specs' events never count. */
const CATEGORY = `g${Date.now().toString(36)}`;
const TOWNSHIP = '511922986';
const [G1, G2, G3] = [`${TOWNSHIP}001001`, `${TOWNSHIP}001002`, `${TOWNSHIP}002001`];
const CAMERA = '51192298600200130001';

describe('grid-level trends: raw cases, rolled-up camera analytics (real PostgreSQL)', () => {
  let api: ApiHarness;
  let analyst: string;
  const get = async <T>(query: string, path = 'trends/series'): Promise<T> =>
    (
      await request(api.url)
        .get(`/api/${path}?category=${CATEGORY}&${query}`)
        .set('authorization', `Bearer ${analyst}`)
        .expect(200)
    ).body as T;
  /** A case event; `reported` ones carry what the cases projection (a trigger) needs. */
  const caseEvent = (at: string, grid: string, type = 'reported'): Promise<unknown> =>
    api.pool.query(
      `INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid, category, tier, payload)
       VALUES (gen_random_uuid(), $1, gen_random_uuid()::text, $2, 'hotline', '511922', $3, left($4, 12), $4, $5, 'standard', $6)`,
      [
        at,
        type,
        TOWNSHIP,
        grid,
        type === 'reported' ? CATEGORY : null,
        { category: CATEGORY, summary: 'grid test', partiesCount: 1, riskFlags: [] },
      ],
    );
  const analytics = (at: string): Promise<unknown> =>
    api.pool.query(
      `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence) VALUES (gen_random_uuid(), $1, $2, $3, 0.9)`,
      [at, CAMERA, CATEGORY],
    );

  beforeAll(async () => {
    api = await startApi();
    analyst = (await api.login('analyst')).accessToken;
    for (let i = 0; i < 3; i += 1) await caseEvent('2026-03-01T02:00:00Z', G1);
    await caseEvent('2026-03-01T02:00:00Z', G1, 'triaged');
    await caseEvent('2026-03-01T03:00:00Z', G2);
    // 16:30Z on 2 March is 00:30 on 3 March in Beijing.
    await caseEvent('2026-03-02T16:30:00Z', G1);
    await caseEvent('2025-03-01T02:00:00Z', G1);
    await caseEvent('2025-03-02T02:00:00Z', G1);
    await api.pool.query(
      `INSERT INTO cameras (camera_id, name, site_type, county, township, village, grid, lon, lat, department, stream_key, registered_at)
       VALUES ($1, 'grid test', 'square', '511922', $2, left($3, 12), $3, 106.9, 31.9, 'police', $1, now())`,
      [CAMERA, TOWNSHIP, G3],
    );
    await analytics('2026-03-01T05:00:00Z');
    await analytics('2026-03-01T06:00:00Z');
    // Days before the watermark come from the grid rollup: roll these (late) events up first.
    await api.app.get(GridAnalyticsRefresher).refresh();
    await api.pool.query(
      `INSERT INTO regions (code, level, parent, name, lon, lat, population_weight) VALUES ($1, 'grid', left($1, 12), '测试第1网格', 106.91, 31.92, 10)`,
      [G1],
    );
  });

  afterAll(async () => {
    await api.close();
  });

  const MARCH = 'from=2026-02-28T00:00:00Z&to=2026-03-06T00:00:00Z';

  it('returns a township’s grid cells by Beijing day, cases and camera analytics together', async () => {
    const s = await get<TrendSeriesResponse>(`${MARCH}&township=${TOWNSHIP}&level=grid&bucket=day`);
    expect(s.points).toEqual([
      { bucket: '2026-02-28T16:00:00.000Z', region: G1, category: CATEGORY, events: 3 },
      { bucket: '2026-02-28T16:00:00.000Z', region: G2, category: CATEGORY, events: 1 },
      { bucket: '2026-02-28T16:00:00.000Z', region: G3, category: CATEGORY, events: 2 },
      { bucket: '2026-03-02T16:00:00.000Z', region: G1, category: CATEGORY, events: 1 },
    ]);
    const cases = await get<TrendSeriesResponse>(`${MARCH}&township=${TOWNSHIP}&level=grid&source=case`);
    expect(cases.points.map((p) => p.region)).not.toContain(G3);
  });

  it('ranks the cells with their registered name and centre, and narrows to one cell', async () => {
    const b = await get<BreakdownResponse>(`${MARCH}&township=${TOWNSHIP}&level=grid`, 'trends/breakdown');
    expect(b).toEqual({
      level: 'grid',
      rows: [
        { region: G1, name: '测试第1网格', lon: 106.91, lat: 31.92, events: 4 },
        { region: G3, name: null, lon: null, lat: null, events: 2 },
        { region: G2, name: null, lon: null, lat: null, events: 1 },
      ],
    });
    const one = await get<TrendSeriesResponse>(`${MARCH}&grid=${G1}&bucket=week`);
    expect(one.points).toEqual([
      { bucket: '2026-02-22T16:00:00.000Z', region: G1, category: CATEGORY, events: 3 },
      { bucket: '2026-03-01T16:00:00.000Z', region: G1, category: CATEGORY, events: 1 },
    ]);
  });

  it('compares a cell with the same days a year earlier, and exports the grid level as CSV', async () => {
    const yoy = await get<YearOnYearResponse>(
      `from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z&grid=${G1}`,
      'trends/yoy',
    );
    expect(yoy).toEqual({ current: 4, previous: 2, changePercent: 100 });
    const csv = await request(api.url)
      .get(`/api/trends/series.csv?category=${CATEGORY}&${MARCH}&township=${TOWNSHIP}&level=grid`)
      .set('authorization', `Bearer ${analyst}`)
      .expect(200);
    expect(csv.text.split('\r\n').slice(0, 2)).toEqual([
      'bucket,region,category,events',
      `2026-02-28T16:00:00.000Z,${G1},${CATEGORY},3`,
    ]);
  });

  it('refuses a grid level without a township, and a cell outside its township', async () => {
    for (const q of [`${MARCH}&level=grid`, `${MARCH}&township=511922001&grid=${G1}`]) {
      await request(api.url)
        .get(`/api/trends/series?${q}`)
        .set('authorization', `Bearer ${analyst}`)
        .expect(400);
    }
  });
});
