import { loadConfig } from '@fengqiao/config';
import { hourlyCounts } from './engine-inputs.repository';
import { EventStoreRepository } from './event-store.repository';
import { PartitionMaintainer } from './partition-maintainer';
import { freshDatabase, type FreshDatabase } from './testing/fresh-database';
import { timeSeriesData } from './testing/time-series-data';

// The plain-PostgreSQL path (decision 0004), on the stack's second server that has no TimescaleDB
// (`pg-plain`, FQ_PLAIN_PG_PORT): the same migrations up and down, the same writes, and the main
// queries answering exactly what they answer on TimescaleDB for the same data. Also the partition
// maintenance that keeps month partitions ahead for as long as the system runs.
// loadConfig, not @fengqiao/testing (which depends on this lib): the int global setup's database URL.
const config = loadConfig();
const DAY = 86_400_000;
const TOWNSHIP = '511921555';
const now = Date.now();
const name = `fengqiao_plain_${process.pid}`;
let plain: FreshDatabase;
let timescale: FreshDatabase;
/** The instant the rollups were refreshed at, as SQL. */
const NOW = `timestamptz '${new Date(now).toISOString()}'`;

const QUERIES: Record<string, string> = {
  hourly: `SELECT bucket, source, category, sum(events)::int AS n FROM region_hourly_rollup
           WHERE township = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  daily: `SELECT day, source, category, sum(events)::int AS n FROM region_daily_rollup
          WHERE township = $1 AND day >= current_date - 30 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  county: `SELECT day, county, source, category, events::int AS n FROM region_county_daily_rollup
           WHERE county = left($1, 6) ORDER BY 1, 2, 3, 4`,
  hotspots: `SELECT township, category, sum(events)::int AS n FROM region_hourly_rollup
             WHERE bucket >= now() - interval '24 hours' AND township = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
  // Camera health and grid cells: continuous aggregates on TimescaleDB (the open hour and day too),
  // refresh-kept tables on plain PostgreSQL (whole hours and days up to the refresh). Both answer
  // the same whole buckets, and the readers' shape (rollup through its watermark, raw rows past it)
  // the same figures, the open bucket included.
  cameraHealth: `SELECT h.bucket, h.reports, h.online_reports FROM camera_health_hourly h
                 WHERE h.township = $1 AND h.bucket < date_bin('1 hour', ${NOW}, timestamptz '2000-01-01') ORDER BY 1`,
  cameraHealthRead: `WITH w AS (SELECT coalesce((SELECT refreshed_through FROM camera_health_watermark), '-infinity') AS t)
    SELECT bucket, sum(reports)::int AS reports, sum(online_reports)::int AS online_reports FROM (
      SELECT h.bucket, h.reports, h.online_reports FROM camera_health_hourly h, w WHERE h.township = $1 AND h.bucket < w.t
      UNION ALL
      SELECT date_bin('1 hour', e.occurred_at, timestamptz '2000-01-01'), 1, CASE WHEN e.online THEN 1 ELSE 0 END
      FROM camera_status_events e JOIN cameras c USING (camera_id), w WHERE c.township = $1 AND e.occurred_at >= w.t
    ) x GROUP BY 1 ORDER BY 1`,
  grid: `SELECT day, grid, kind, events FROM grid_analytics_daily
         WHERE township = $1 AND day < date_bin('1 day', ${NOW}, timestamptz '2000-01-03 00:00:00+08') ORDER BY 1, 2, 3`,
  gridRead: `WITH w AS (SELECT coalesce((SELECT refreshed_through FROM grid_analytics_watermark), '-infinity') AS t)
    SELECT day, grid, kind, sum(events)::int AS events FROM (
      SELECT r.day, r.grid, r.kind, r.events FROM grid_analytics_daily r, w WHERE r.township = $1 AND r.day < w.t
      UNION ALL
      SELECT date_bin('1 day', a.occurred_at, timestamptz '2000-01-03 00:00:00+08'), c.grid, a.kind, 1
      FROM camera_analytics_events a JOIN cameras c USING (camera_id), w
      WHERE c.township = $1 AND c.grid IS NOT NULL AND a.occurred_at >= w.t
    ) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  cases: `SELECT count(*)::int AS n, count(DISTINCT category)::int AS categories FROM cases WHERE township = $1`,
};

async function fill(db: FreshDatabase): Promise<void> {
  const data = timeSeriesData(TOWNSHIP, now, 10);
  const store = new EventStoreRepository();
  await store.upsertCameras(db.pool, data.cameras);
  await store.insertCaseEvents(db.pool, data.cases);
  await store.insertCameraAnalytics(db.pool, data.analytics);
  await store.insertCameraStatus(db.pool, data.status);
  // A redelivered batch adds nothing, on either path.
  await store.insertCaseEvents(db.pool, data.cases.slice(0, 50));
  await store.insertCameraAnalytics(db.pool, data.analytics.slice(0, 50));
  await db.pool.query('SELECT fq_refresh_camera_health($1), fq_refresh_grid_analytics($1)', [new Date(now)]);
  // TimescaleDB: what the refresh policies do, up to an hour (a day) ago; the rest is real-time.
  if ((await db.pool.query<{ ts: boolean }>('SELECT fq_has_timescale() AS ts')).rows[0]?.ts === true) {
    await db.pool.query(
      "CALL refresh_continuous_aggregate('rollup_camera_health_hourly', NULL, $1::timestamptz)",
      [new Date(now - 3_600_000)],
    );
    await db.pool.query(
      "CALL refresh_continuous_aggregate('rollup_grid_analytics_daily', NULL, $1::timestamptz)",
      [new Date(now - DAY)],
    );
  }
}

async function userTables(db: FreshDatabase): Promise<string[]> {
  const res = await db.pool.query<{ t: string }>(
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
  );
  return res.rows.map((r) => r.t);
}

beforeAll(async () => {
  [plain, timescale] = await Promise.all([
    freshDatabase(config.postgres.plainUrl, name),
    freshDatabase(config.postgres.url, name),
  ]);
  await Promise.all([fill(plain), fill(timescale)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([plain.drop(), timescale.drop()]);
});

describe('plain PostgreSQL path (test:plain)', () => {
  it('runs on a server without TimescaleDB, and the other on TimescaleDB', async () => {
    const has = async (db: FreshDatabase): Promise<boolean> =>
      (await db.pool.query<{ ts: boolean }>('SELECT fq_has_timescale() AS ts')).rows[0]?.ts ?? false;
    expect(await has(plain)).toBe(false);
    expect(await has(timescale)).toBe(true);
  });

  it.each(Object.keys(QUERIES))('the %s query answers the same on both paths', async (key) => {
    const sql = QUERIES[key] as string;
    const [a, b] = await Promise.all([
      plain.pool.query(sql, [TOWNSHIP]),
      timescale.pool.query(sql, [TOWNSHIP]),
    ]);
    expect(a.rows.length).toBeGreaterThan(0);
    expect(a.rows).toEqual(b.rows);
  });

  it("the rules engine's hourly baselines read the same counts on both paths", async () => {
    const from = new Date(now - 7 * DAY);
    const until = new Date(now + DAY);
    const mine = (c: { region: string }): boolean => c.region.startsWith(TOWNSHIP.slice(0, 6));
    const [a, b] = await Promise.all([
      hourlyCounts(plain.pool, from, until),
      hourlyCounts(timescale.pool, from, until),
    ]);
    const sort = (xs: typeof a): typeof a =>
      xs
        .filter(mine)
        .sort(
          (x, y) =>
            x.hourStartMs - y.hourStartMs ||
            x.region.localeCompare(y.region) ||
            x.metric.localeCompare(y.metric),
        );
    expect(sort(a).length).toBeGreaterThan(100);
    expect(sort(a)).toEqual(sort(b));
  });

  it('keeps month partitions ahead for as long as it runs (clock moved 3 years on)', async () => {
    let clock = new Date(now + 3 * 365 * DAY);
    const reports: (number | Error)[] = [];
    const maintainer = new PartitionMaintainer(
      plain.pool,
      () => clock,
      (r) => reports.push(r),
    );
    const created = await maintainer.runOnce();
    expect(created).toBeGreaterThan(0);
    const month = (d: Date): string => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const ahead = new Date(clock.getTime() + 5 * 30 * DAY);
    const parts = await plain.pool.query<{ p: string | null }>(
      'SELECT to_regclass($1)::text AS p UNION ALL SELECT to_regclass($2)::text',
      [`case_events_p${month(ahead)}`, `camera_status_events_p${month(ahead)}`],
    );
    expect(parts.rows.map((r) => r.p)).toEqual([
      `case_events_p${month(ahead)}`,
      `camera_status_events_p${month(ahead)}`,
    ]);
    expect(await maintainer.runOnce()).toBe(0);
    // A row written then lands in its month's partition, not in the DEFAULT one.
    const at = new Date(clock.getTime() + 60 * DAY);
    const late = timeSeriesData('511921556', at.getTime(), 0).status.slice(0, 1);
    await new EventStoreRepository().insertCameraStatus(plain.pool, late);
    const where = await plain.pool.query<{ part: string }>(
      'SELECT tableoid::regclass::text AS part FROM camera_status_events WHERE event_id = $1',
      [late[0]?.eventId],
    );
    expect(where.rows[0]?.part).toBe(`camera_status_events_p${month(at)}`);
    clock = new Date(clock.getTime() + 365 * DAY);
    maintainer.start();
    for (let waited = 0; reports.length === 0 && waited < 20_000; waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    maintainer.stop();
    expect(reports).toEqual([expect.any(Number)]);
    expect(reports[0]).toBeGreaterThan(0);
    // Under TimescaleDB chunks are made on demand: the job does nothing there.
    expect(
      await new PartitionMaintainer(
        timescale.pool,
        () => clock,
        () => undefined,
      ).runOnce(),
    ).toBe(0);
  });

  it('migrates all the way down on both paths, leaving only the ledger', async () => {
    await plain.migrateAllDown();
    await timescale.migrateAllDown();
    expect(await userTables(plain)).toEqual(['fq_schema_migrations']);
    expect(await userTables(timescale)).toEqual(['fq_schema_migrations']);
  });
});
