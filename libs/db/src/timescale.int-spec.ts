import { loadConfig } from '@fengqiao/config';
import { EventStoreRepository } from './event-store.repository';
import { migrate } from './migrator';
import { freshDatabase, type FreshDatabase } from './testing/fresh-database';
import { seededUuid, timeSeriesData } from './testing/time-series-data';

// On the real extension (the stack's PostgreSQL 15 + TimescaleDB 2.28.3), in a database of its own so
// compressing and dropping chunks touches nobody else's rows: chunks follow time, compressed chunks
// answer the trend queries as before, retention drops old chunks, and the continuous aggregates equal
// a GROUP BY over the raw rows, the current (not yet materialised) hour and day included.
// loadConfig, not @fengqiao/testing (which depends on this lib): the int global setup's database URL.
const config = loadConfig();
const DAY = 86_400_000;
const TOWNSHIP = '511902777';
const now = Date.now();
let db: FreshDatabase;

/** The trend shapes the API reads: hourly, Beijing-daily, county-daily, per source and category. */
const TRENDS = {
  hourly: `SELECT bucket, source, category, sum(events)::int AS n FROM region_hourly_rollup
           WHERE township = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  daily: `SELECT day, source, category, sum(events)::int AS n FROM region_daily_rollup
          WHERE township = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  county: `SELECT day, source, category, sum(events)::int AS n FROM region_county_daily_rollup
           WHERE county = left($1, 6) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
};

/** The same figures straight from the raw rows. */
const RAW = {
  hourly: `SELECT date_bin('1 hour', at, timestamptz '2000-01-01 00:00:00+00') AS bucket, source, category,
                  count(*)::int AS n FROM raw GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  daily: `SELECT fq_beijing_day(at) AS day, source, category, count(*)::int AS n FROM raw
          GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
};
/** Camera health per hour and analytics per Beijing day and grid cell: the rollup, and the raw GROUP BY. */
const HEALTH = {
  rollup: `SELECT bucket, reports, online_reports FROM camera_health_hourly WHERE township = $1 ORDER BY 1`,
  raw: `SELECT date_bin('1 hour', e.occurred_at, timestamptz '2000-01-01 00:00:00+00') AS bucket,
               count(*)::int AS reports, (count(*) FILTER (WHERE e.online))::int AS online_reports
        FROM camera_status_events e JOIN cameras c USING (camera_id) WHERE c.township = $1 GROUP BY 1 ORDER BY 1`,
};
const GRID = {
  rollup: `SELECT day, grid, kind, events FROM grid_analytics_daily WHERE township = $1 ORDER BY 1, 2, 3`,
  raw: `SELECT date_bin('1 day', a.occurred_at, timestamptz '2000-01-03 00:00:00+08') AS day, c.grid, a.kind,
               count(*)::int AS events
        FROM camera_analytics_events a JOIN cameras c USING (camera_id)
        WHERE c.township = $1 AND c.grid IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
};
const RAW_ROWS = `WITH raw AS (
  SELECT occurred_at AS at, 'case' AS source, category FROM case_events
   WHERE township = $1 AND type = 'reported' AND category IS NOT NULL
  UNION ALL
  SELECT a.occurred_at, 'analytics', a.kind FROM camera_analytics_events a JOIN cameras c USING (camera_id)
   WHERE c.township = $1)`;

async function rows(sql: string): Promise<unknown[]> {
  const res = await db.pool.query<Record<string, unknown>>(sql, [TOWNSHIP]);
  return res.rows;
}

async function chunks(table: string): Promise<{ start: Date; end: Date; compressed: boolean }[]> {
  const res = await db.pool.query<{ start: Date; end: Date; compressed: boolean }>(
    `SELECT range_start AS start, range_end AS "end", is_compressed AS compressed
     FROM timescaledb_information.chunks WHERE hypertable_name = $1 ORDER BY range_start`,
    [table],
  );
  return res.rows;
}

beforeAll(async () => {
  db = await freshDatabase(config.postgres.url, `fengqiao_ts_${process.pid}`);
  const data = timeSeriesData(TOWNSHIP, now, 20);
  const store = new EventStoreRepository();
  await store.upsertCameras(db.pool, data.cameras);
  await store.insertCaseEvents(db.pool, data.cases);
  await store.insertCameraAnalytics(db.pool, data.analytics);
  await store.insertCameraStatus(db.pool, data.status);
  // Materialise up to an hour ago, leaving the current hour and Beijing day to real-time aggregation.
  for (const cagg of ['rollup_case_hourly', 'rollup_analytics_hourly', 'rollup_camera_health_hourly'])
    await db.pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 hour')`);
  for (const cagg of [
    'rollup_case_daily',
    'rollup_analytics_daily',
    'rollup_case_county_daily',
    'rollup_grid_analytics_daily',
  ])
    await db.pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 day')`);
}, 120_000);

afterAll(async () => {
  await db.drop();
});

describe('TimescaleDB: the schema on the real extension', () => {
  it('runs TimescaleDB 2.28.3, and the rollups are continuous aggregates behind views', async () => {
    const ext = await db.pool.query<{ v: string }>(
      "SELECT extversion AS v FROM pg_extension WHERE extname = 'timescaledb'",
    );
    expect(ext.rows[0]?.v).toBe('2.28.3');
    const caggs = await db.pool.query<{ name: string; realtime: boolean }>(
      `SELECT view_name AS name, NOT materialized_only AS realtime FROM timescaledb_information.continuous_aggregates
       ORDER BY 1`,
    );
    expect(caggs.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'rollup_analytics_hourly',
        'rollup_camera_health_hourly',
        'rollup_case_daily',
        'rollup_case_hourly',
        'rollup_grid_analytics_daily',
      ]),
    );
    expect(caggs.rows.every((r) => r.realtime)).toBe(true);
    const kinds = await db.pool.query<{ name: string; kind: string }>(
      `SELECT relname AS name, relkind::text AS kind FROM pg_class
       WHERE relname IN ('region_hourly_rollup', 'camera_health_hourly', 'grid_analytics_daily') ORDER BY 1`,
    );
    expect(kinds.rows).toEqual([
      { name: 'camera_health_hourly', kind: 'v' },
      { name: 'grid_analytics_daily', kind: 'v' },
      { name: 'region_hourly_rollup', kind: 'v' },
    ]);
  });

  it('creates chunks by time: 7-day chunks of cases and analytics, 12-hour chunks of status', async () => {
    for (const table of ['camera_analytics_events', 'case_events']) {
      const list = await chunks(table);
      expect(list.length).toBeGreaterThanOrEqual(3);
      expect(list.length).toBeLessThanOrEqual(5);
      for (const c of list) expect(c.end.getTime() - c.start.getTime()).toBe(7 * DAY);
    }
    const status = await chunks('camera_status_events');
    expect(status.length).toBeGreaterThanOrEqual(40);
    for (const c of status) expect(c.end.getTime() - c.start.getTime()).toBe(DAY / 2);
  });

  it('continuous aggregates equal a GROUP BY over the raw rows, the open hour and day included', async () => {
    const hourly = await rows(TRENDS.hourly);
    expect(hourly).toEqual(await rows(`${RAW_ROWS} ${RAW.hourly}`));
    const newest = hourly.at(-1) as { bucket: Date };
    expect(now - newest.bucket.getTime()).toBeLessThan(3_600_000);
    expect(await rows(TRENDS.daily)).toEqual(await rows(`${RAW_ROWS} ${RAW.daily}`));
    const county = await rows(TRENDS.county);
    expect(county).toEqual(await rows(TRENDS.daily));
    // The newest hour is not materialised: it came from real-time aggregation.
    const watermark = await db.pool.query<{ t: Date }>(
      `SELECT _timescaledb_functions.to_timestamp(_timescaledb_functions.cagg_watermark(mat_hypertable_id)) AS t
       FROM _timescaledb_catalog.continuous_agg WHERE user_view_name = 'rollup_case_hourly'`,
    );
    expect(watermark.rows[0]?.t.getTime()).toBeLessThanOrEqual(newest.bucket.getTime());
  });

  it('camera health and grid aggregates equal a GROUP BY over the raw rows, the open hour and day included', async () => {
    const health = (await rows(HEALTH.rollup)) as { bucket: Date }[];
    expect(health).toEqual(await rows(HEALTH.raw));
    expect(now - (health.at(-1)?.bucket.getTime() ?? 0)).toBeLessThan(3_600_000);
    const grid = (await rows(GRID.rollup)) as { day: Date }[];
    expect(grid).toEqual(await rows(GRID.raw));
    expect(now - (grid.at(-1)?.day.getTime() ?? 0)).toBeLessThan(DAY);
    // The API's refresh call answers the watermark: materialised up to an hour (a day) ago, not past it.
    const marks = await db.pool.query<{ health: Date; grid: Date; hw: Date; gw: Date }>(
      `SELECT fq_refresh_camera_health(now()) AS health, fq_refresh_grid_analytics(now()) AS grid,
              (SELECT refreshed_through FROM camera_health_watermark) AS hw,
              (SELECT refreshed_through FROM grid_analytics_watermark) AS gw`,
    );
    const m = marks.rows[0];
    expect(m?.health).toEqual(m?.hw);
    expect(m?.grid).toEqual(m?.gw);
    expect(m?.health.getTime()).toBeGreaterThan(now - 2 * 3_600_000);
    expect(m?.health.getTime()).toBeLessThanOrEqual(health.at(-1)?.bucket.getTime() ?? 0);
    expect(m?.grid.getTime()).toBeGreaterThan(now - 2 * DAY);
    expect(m?.grid.getTime()).toBeLessThanOrEqual(grid.at(-1)?.day.getTime() ?? 0);
  });

  it('compresses chunks a day old (the policy), and the trend queries answer the same from them', async () => {
    const before = {
      hourly: await rows(TRENDS.hourly),
      raw: await rows(`${RAW_ROWS} ${RAW.hourly}`),
      health: await rows(HEALTH.rollup),
      grid: await rows(GRID.rollup),
    };
    const policies = await db.pool.query<{ id: number; table: string; after: string }>(
      `SELECT job_id AS id, hypertable_name AS table, config->>'compress_after' AS after
       FROM timescaledb_information.jobs WHERE proc_name = 'policy_compression' ORDER BY 2`,
    );
    expect(policies.rows.map((p) => [p.table, p.after])).toEqual([
      ['camera_analytics_events', '1 day'],
      ['camera_status_events', '1 day'],
      ['case_events', '1 day'],
    ]);
    for (const p of policies.rows) await db.pool.query('CALL run_job($1)', [p.id]);
    for (const t of ['case_events', 'camera_analytics_events', 'camera_status_events']) {
      const list = await chunks(t);
      // Every chunk that ended more than a day ago is compressed; the newer ones are not.
      for (const c of list) expect(c.compressed).toBe(c.end.getTime() < Date.now() - DAY);
      expect(list.some((c) => c.compressed)).toBe(true);
    }
    // Re-materialise everything from the compressed chunks, then read both ways again.
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_case_hourly', NULL, NULL)");
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_analytics_hourly', NULL, NULL)");
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_camera_health_hourly', NULL, NULL)");
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_grid_analytics_daily', NULL, NULL)");
    expect(await rows(TRENDS.hourly)).toEqual(before.hourly);
    expect(await rows(`${RAW_ROWS} ${RAW.hourly}`)).toEqual(before.raw);
    expect(await rows(HEALTH.rollup)).toEqual(before.health);
    expect(await rows(GRID.rollup)).toEqual(before.grid);
  });

  it('takes late and redelivered events into compressed chunks, and the policy recompresses them', async () => {
    const store = new EventStoreRepository();
    const old = timeSeriesData(TOWNSHIP, now, 20).analytics.filter(
      (r) => Date.parse(r.occurredAt) < now - 10 * DAY,
    );
    const redelivered = old.slice(0, 20);
    const late = { ...redelivered[0]!, eventId: seededUuid(`late ${TOWNSHIP}`), kind: 'crowd' };
    const count = async (): Promise<number> =>
      (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM camera_analytics_events')).rows[0]
        ?.n ?? 0;
    const total = await count();
    expect(await store.insertCameraAnalytics(db.pool, redelivered)).toBe(0);
    expect(await store.insertCameraAnalytics(db.pool, [late])).toBe(1);
    expect(await count()).toBe(total + 1);
    // The aggregates count it after their refresh (the invalidation the insert logged).
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_analytics_hourly', NULL, NULL)");
    await db.pool.query("CALL refresh_continuous_aggregate('rollup_grid_analytics_daily', NULL, NULL)");
    expect(await rows(TRENDS.hourly)).toEqual(await rows(`${RAW_ROWS} ${RAW.hourly}`));
    expect(await rows(GRID.rollup)).toEqual(await rows(GRID.raw));
    const chunkOf = await db.pool.query<{ chunk: string }>(
      `SELECT format('%I.%I', chunk_schema, chunk_name) AS chunk FROM timescaledb_information.chunks
       WHERE hypertable_name = 'camera_analytics_events' AND range_start <= $1 AND range_end > $1`,
      [late.occurredAt],
    );
    const chunk = chunkOf.rows[0]?.chunk as string;
    const loose = async (): Promise<number> =>
      (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ONLY ${chunk}`)).rows[0]?.n ?? 0;
    expect(await loose()).toBeGreaterThan(0);
    const policy = await db.pool.query<{ id: number }>(
      `SELECT job_id AS id FROM timescaledb_information.jobs
       WHERE proc_name = 'policy_compression' AND hypertable_name = 'camera_analytics_events'`,
    );
    await db.pool.query('CALL run_job($1)', [policy.rows[0]?.id]);
    expect(await loose()).toBe(0);
    expect(await count()).toBe(total + 1);
  });

  it('drops chunks past the retention policy (status history: 90 days)', async () => {
    const policy = await db.pool.query<{ id: number; drop_after: string }>(
      `SELECT job_id AS id, config->>'drop_after' AS drop_after FROM timescaledb_information.jobs
       WHERE proc_name = 'policy_retention' AND hypertable_name = 'camera_status_events'`,
    );
    expect(policy.rows[0]?.drop_after).toBe('90 days');
    const old = timeSeriesData(TOWNSHIP, now - 120 * DAY, 1).status;
    await new EventStoreRepository().insertCameraStatus(db.pool, old);
    const before = (await chunks('camera_status_events')).filter((c) => c.end.getTime() < now - 90 * DAY);
    expect(before.length).toBeGreaterThan(0);
    await db.pool.query('CALL run_job($1)', [policy.rows[0]?.id]);
    const after = await chunks('camera_status_events');
    expect(after.filter((c) => c.end.getTime() < now - 90 * DAY)).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(40);
    const left = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM camera_status_events WHERE occurred_at < now() - interval '90 days'",
    );
    expect(left.rows[0]?.n).toBe(0);
  });

  it('migrates the compression settings down with chunks compressed under them (an earlier down drops their column)', async () => {
    expect((await chunks('camera_analytics_events')).some((c) => c.compressed)).toBe(true);
    const later = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM fq_schema_migrations WHERE version >= '20261206234300'",
    );
    await migrate(db.pool, { direction: 'down', steps: later.rows[0]?.n ?? 0 });
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      // What the down step of 20261206203200 does next (its aggregates read the columns, then the columns
      // go): refused while a chunk is segmented by township.
      await client.query('DROP VIEW region_county_daily_rollup, region_daily_rollup, region_hourly_rollup');
      for (const cagg of [
        'rollup_analytics_county_daily',
        'rollup_analytics_daily',
        'rollup_analytics_hourly',
      ])
        await client.query(`DROP MATERIALIZED VIEW ${cagg}`);
      await client.query('ALTER TABLE camera_analytics_events DROP COLUMN township, DROP COLUMN county');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    await migrate(db.pool, { direction: 'up' });
    const settings = await db.pool.query<{ segmentby: string }>(
      `SELECT segmentby FROM timescaledb_information.hypertable_columnstore_settings
       WHERE hypertable = 'camera_analytics_events'::regclass`,
    );
    expect(settings.rows[0]?.segmentby).toBe('township');
  });
});
