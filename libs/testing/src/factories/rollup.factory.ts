import { type Queryable } from '@fengqiao/db';

/** One cell of the hourly region rollup and how many events to add to it. */
export interface RollupCount {
  readonly bucket: Date | string;
  readonly county: string;
  readonly township: string;
  readonly source: 'case' | 'analytics';
  readonly category: string;
  readonly events: number;
}

const KIND = `SELECT relkind::text AS kind FROM pg_class WHERE oid = to_regclass('region_hourly_rollup')`;

const ADD_TO_TABLE = `
INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (bucket, township, source, category) DO UPDATE SET events = region_hourly_rollup.events + EXCLUDED.events`;

// Under TimescaleDB the rollup is continuous aggregates over the raw rows: a count is that many rows
// inside the hour (reported cases project into `cases` through their trigger, as real ones do).
const ADD_CASES = `
INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, category, payload)
SELECT gen_random_uuid(), $1::timestamptz + (i % 3600) * interval '1 second', 'fixture-' || gen_random_uuid(),
       'reported', 'hotline', $2, $3, $4,
       jsonb_build_object('category', $4::text, 'summary', 'rollup fixture', 'partiesCount', 0, 'riskFlags', '[]'::jsonb)
FROM generate_series(1, $5::int) i`;
const ADD_ANALYTICS = `
INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, county, township)
SELECT gen_random_uuid(), $1::timestamptz + (i % 3600) * interval '1 second', rpad($3, 20, '0'), $4, 1, $2, $3
FROM generate_series(1, $5::int) i`;

async function isTable(db: Queryable): Promise<boolean> {
  return (await db.query<{ kind: string }>(KIND)).rows[0]?.kind === 'r';
}

/**
 * Adds counts to the hourly region rollup (and so to the daily and county rollups) the way each path
 * keeps it: rows of the trigger-kept table on plain PostgreSQL, raw events under TimescaleDB.
 */
export async function addRollupCounts(db: Queryable, counts: readonly RollupCount[]): Promise<void> {
  const table = await isTable(db);
  for (const c of counts) {
    if (table) await db.query(ADD_TO_TABLE, [c.bucket, c.county, c.township, c.source, c.category, c.events]);
    else
      await db.query(c.source === 'case' ? ADD_CASES : ADD_ANALYTICS, [
        c.bucket,
        c.county,
        c.township,
        c.category,
        c.events,
      ]);
  }
}

/** Removes every count of a county or township from the region rollups (raw rows under TimescaleDB). */
export async function clearRollupCounts(
  db: Queryable,
  scope: { readonly county?: string; readonly township?: string },
): Promise<void> {
  const where = scope.township !== undefined ? 'township = $1' : 'county = $1';
  const value = scope.township ?? scope.county;
  if (value === undefined) throw new Error('clearRollupCounts needs a county or a township');
  if (await isTable(db)) {
    await db.query(`DELETE FROM region_hourly_rollup WHERE ${where}`, [value]);
    return;
  }
  await db.query(`DELETE FROM case_events WHERE type = 'reported' AND ${where}`, [value]);
  await db.query(`DELETE FROM camera_analytics_events WHERE ${where}`, [value]);
}

/** Sets one cell of the hourly rollup to exactly `events` (replacing what it held). */
export async function setRollupCount(db: Queryable, cell: RollupCount): Promise<void> {
  const key = [cell.bucket, cell.township, cell.source, cell.category];
  if (await isTable(db))
    await db.query(
      'DELETE FROM region_hourly_rollup WHERE bucket = $1 AND township = $2 AND source = $3 AND category = $4',
      key,
    );
  else if (cell.source === 'case')
    await db.query(
      `DELETE FROM case_events WHERE type = 'reported' AND occurred_at >= $1 AND occurred_at < $1::timestamptz + interval '1 hour'
         AND township = $2 AND $3 = 'case' AND category = $4`,
      key,
    );
  else
    await db.query(
      `DELETE FROM camera_analytics_events WHERE occurred_at >= $1 AND occurred_at < $1::timestamptz + interval '1 hour'
         AND township = $2 AND $3 = 'analytics' AND kind = $4`,
      key,
    );
  await addRollupCounts(db, [cell]);
}

/**
 * Seeds many rollup cells from `cellsSql`, a SELECT of (bucket, county, township, source, category,
 * events), idempotently: a cell seeded before is left as it is (ON CONFLICT DO NOTHING on the plain
 * table; raw events with ids derived from the cell under TimescaleDB).
 */
export async function seedRollupCells(
  db: Queryable,
  cellsSql: string,
  params: unknown[] = [],
): Promise<void> {
  if (await isTable(db)) {
    await db.query(
      `INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events)
       SELECT * FROM (${cellsSql}) cells ON CONFLICT DO NOTHING`,
      params,
    );
    return;
  }
  const expand = `WITH cells AS (${cellsSql}),
    e AS (SELECT c.*, i, md5(c.bucket::text || c.township || c.source || c.category || i)::uuid AS id,
                 c.bucket + (i % 3600) * interval '1 second' AS at
          FROM cells c, generate_series(1, c.events) i)`;
  // Written as another type, then turned into reports: the cases projection (AFTER INSERT) skips them,
  // so no `cases` rows appear, as with the plain table, and the seed takes seconds instead of a minute.
  await db.query(
    `${expand}
     INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, category, payload)
     SELECT id, at, 'seed-' || id, 'rollup-seed', 'hotline', county, township, category, '{}'::jsonb
     FROM e WHERE source = 'case' ON CONFLICT DO NOTHING`,
    params,
  );
  await db.query("UPDATE case_events SET type = 'reported' WHERE type = 'rollup-seed'");
  await db.query(
    `${expand}
     INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, county, township)
     SELECT id, at, rpad(township, 20, '0'), category, 1, county, township FROM e WHERE source = 'analytics'
     ON CONFLICT DO NOTHING`,
    params,
  );
}
