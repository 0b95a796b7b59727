import { type ApiHarness, startApi } from '../testing/api-harness';
import { GridAnalyticsRefresher } from './grid-analytics-refresher';
import { type GridFilter, GridTrendsRepository, RawGridTrendsRepository } from './grid-trends.repository';

const DAY = 86_400_000;
/** This run's own kind and township, so other specs' events never count. */
const KIND = `k${Date.now().toString(36)}`;
const TOWNSHIP = '511922985';
const [G1, G2] = [`${TOWNSHIP}001001`, `${TOWNSHIP}002001`];
const [CAM1, CAM2] = ['51192298500100130001', '51192298500200130002'];
/** The Beijing day that holds `ms`, as the instant it starts (16:00Z the day before). */
const beijingDay = (ms: number): number => Math.floor((ms + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;

describe('grid analytics rollup: whole days rolled up, the open day raw, same answers as raw', () => {
  let api: ApiHarness;
  const rolled = new GridTrendsRepository();
  const raw = new RawGridTrendsRepository();
  const today = beijingDay(Date.now());
  const range = { from: new Date(Date.parse('2026-02-27T16:00:00Z')), to: new Date(today + DAY) };
  const filter = (grid: string | null = null): GridFilter => ({
    township: TOWNSHIP,
    grid,
    source: null,
    category: KIND,
  });
  const event = (at: number | string, camera: string): Promise<unknown> =>
    api.pool.query(
      `INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence)
       VALUES (gen_random_uuid(), $1, $2, $3, 0.9)`,
      [new Date(at), camera, KIND],
    );
  const refresh = (): Promise<Date | null> => api.app.get(GridAnalyticsRefresher).refresh();
  const both = async <T>(read: (repo: GridTrendsRepository) => Promise<T>): Promise<[T, T]> => [
    await read(rolled),
    await read(raw),
  ];

  beforeAll(async () => {
    api = await startApi();
    for (const [camera, grid] of [
      [CAM1, G1],
      [CAM2, G2],
    ] as const)
      await api.pool.query(
        `INSERT INTO cameras (camera_id, name, site_type, county, township, village, grid, lon, lat, department, stream_key, registered_at)
         VALUES ($1, 'rollup test', 'square', '511922', $2, left($3, 12), $3, 106.9, 31.9, 'police', $1, now())`,
        [camera, TOWNSHIP, grid],
      );
    // 15:59:59Z on 1 March is still 1 March in Beijing; 16:00:00Z is already 2 March.
    await event('2026-03-01T15:59:59Z', CAM1);
    await event('2026-03-01T16:00:00Z', CAM1);
    await event('2026-03-01T16:00:00Z', CAM2);
    await event('2026-03-09T03:00:00Z', CAM2);
    await event(Date.now() - 1000, CAM1); // the open day
    await refresh();
    await event(Date.now() - 500, CAM2); // after the refresh, still the open day
  });
  afterAll(async () => {
    await api.close();
  });

  it('rolls the closed days up and leaves the open day to the raw events', async () => {
    // The closed days (on TimescaleDB a real-time aggregate, which has the open day too).
    const res = await api.pool.query<{ day: Date; grid: string; events: number }>(
      'SELECT day, grid, events FROM grid_analytics_daily WHERE township = $1 AND kind = $2 AND day < $3 ORDER BY 1, 2',
      [TOWNSHIP, KIND, new Date(today)],
    );
    expect(res.rows).toEqual([
      { day: new Date('2026-02-28T16:00:00Z'), grid: G1, events: 1 },
      { day: new Date('2026-03-01T16:00:00Z'), grid: G1, events: 1 },
      { day: new Date('2026-03-01T16:00:00Z'), grid: G2, events: 1 },
      { day: new Date('2026-03-08T16:00:00Z'), grid: G2, events: 1 },
    ]);
  });

  it('answers day and week series, one cell, totals and rankings exactly as the raw read', async () => {
    const [day, rawDay] = await both((r) => r.series(api.pool, range, filter(), '1 day'));
    expect(day).toEqual(rawDay);
    expect(day.slice(0, 3).map((p) => [p.bucket.toISOString(), p.region, p.events])).toEqual([
      ['2026-02-28T16:00:00.000Z', G1, 1],
      ['2026-03-01T16:00:00.000Z', G1, 1],
      ['2026-03-01T16:00:00.000Z', G2, 1],
    ]);
    expect(day.filter((p) => p.bucket.getTime() === today)).toEqual([
      { bucket: new Date(today), region: G1, category: KIND, events: 1 },
      { bucket: new Date(today), region: G2, category: KIND, events: 1 },
    ]);
    const [week, rawWeek] = await both((r) => r.series(api.pool, range, filter(G2), '7 days'));
    expect(week).toEqual(rawWeek);
    const [total, rawTotal] = await both((r) => r.total(api.pool, range, filter()));
    expect([total, rawTotal]).toEqual([6, 6]);
    const [ranking, rawRanking] = await both((r) => r.breakdown(api.pool, range, filter()));
    expect(ranking).toEqual(rawRanking);
    expect(ranking.map((r) => [r.region, r.events])).toEqual([
      [G1, 3],
      [G2, 3],
    ]);
  });

  it('counts an event arriving late for a rolled-up day after the next refresh', async () => {
    await event('2026-03-09T04:00:00Z', CAM1);
    await refresh();
    const [ranking, rawRanking] = await both((r) => r.breakdown(api.pool, range, filter()));
    expect(ranking).toEqual(rawRanking);
    expect(ranking.map((r) => [r.region, r.events])).toEqual([
      [G1, 4],
      [G2, 3],
    ]);
  });
});
