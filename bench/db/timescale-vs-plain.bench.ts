/**
 * TimescaleDB vs plain PostgreSQL on the same data, in one run (docs/benchmarks.md, "Database engines").
 * A fresh database on each of the stack's servers (postgres: PostgreSQL 15 + TimescaleDB; pg-plain:
 * no extension), migrated, then:
 *  1. writer rows/s: the ingest's EventStoreRepository writes 90 days of reported cases and analytics
 *     for `--townships` townships (`--per-hour` each) and camera status every 30 s for `--status-cameras`
 *     cameras, in batches of 1,000 rows, the same rows into both;
 *  2. the 90-day trend queries the API runs (TrendsRepository: one township by day, a county by day,
 *     the whole city by week; the last 7 days by hour), `--runs` times each, p50 / p95 per engine
 *     (TimescaleDB with its continuous aggregates refreshed up to an hour / a day ago, as the policies
 *     keep them, the rest real-time);
 *  3. storage: bytes of the three event tables (with their indexes) before and after compressing every
 *     chunk the compression policy would (its compress_after), where those bytes are (chunk by chunk,
 *     column by column: storage-breakdown.ts), and the trend answers compared before and after.
 *   node -r @swc-node/register bench/db/timescale-vs-plain.bench.ts --townships 20 --per-hour 4 \
 *     --status-cameras 8 --runs 20
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '@fengqiao/config';
import { EventStoreRepository, type DbPool } from '@fengqiao/db';
import { TrendsRepository, type RollupFilter } from '../../apps/api/src/trends/trends.repository';
import { freshDatabase, type FreshDatabase } from '../../libs/db/src/testing/fresh-database';
import { historyData, type HistoryData } from './history-data';
import { breakdown, describe } from './storage-breakdown';

const DAY = 86_400_000;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const TOWNSHIPS = arg('townships', 20);
const PER_HOUR = arg('per-hour', 6);
const STATUS_CAMERAS = arg('status-cameras', 6);
const RUNS = arg('runs', 40);
const now = Date.now();

const dataset = (): HistoryData =>
  historyData({ now, days: 90, townships: TOWNSHIPS, perHour: PER_HOUR, statusCameras: STATUS_CAMERAS });

async function write(pool: DbPool, data: HistoryData): Promise<{ rows: number; seconds: number }> {
  const store = new EventStoreRepository();
  await store.upsertCameras(pool, data.cameras);
  const t0 = performance.now();
  let rows = 0;
  for (let i = 0; i < data.cases.length; i += 1000)
    rows += await store.insertCaseEvents(pool, data.cases.slice(i, i + 1000));
  for (let i = 0; i < data.analytics.length; i += 1000)
    rows += await store.insertCameraAnalytics(pool, data.analytics.slice(i, i + 1000));
  for (let i = 0; i < data.status.length; i += 1000)
    rows += await store.insertCameraStatus(pool, data.status.slice(i, i + 1000));
  return { rows, seconds: (performance.now() - t0) / 1000 };
}

const QUERIES: { name: string; run: (r: TrendsRepository, db: DbPool) => Promise<unknown> }[] = [
  {
    name: 'township, 90 days by day',
    run: (r, db) => r.seriesByDay(db, filter('511921000', 'township', 90), '1 day'),
  },
  {
    name: 'county, 90 days by day',
    run: (r, db) => r.seriesByDay(db, filter(null, 'township', 90), '1 day'),
  },
  { name: 'city, 90 days by week', run: (r, db) => r.seriesByDay(db, filter(null, 'county', 90), '7 days') },
  {
    name: 'township, 7 days by hour',
    run: (r, db) => r.series(db, filter('511921000', 'township', 7), '1 hour'),
  },
];

function filter(township: string | null, level: 'county' | 'township', days: number): RollupFilter {
  const to = new Date(Math.ceil((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000);
  return {
    from: new Date(to.getTime() - days * DAY).toISOString(),
    to: to.toISOString(),
    county: township === null && level === 'township' ? '511921' : null,
    township,
    source: null,
    category: null,
    level,
  };
}

async function timeQueries(db: DbPool): Promise<Record<string, { p50: number; p95: number }>> {
  const repo = new TrendsRepository();
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const q of QUERIES) {
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await q.run(repo, db);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const at = (p: number): number =>
      Number((ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0).toFixed(1));
    out[q.name] = { p50: at(0.5), p95: at(0.95) };
  }
  return out;
}

async function answers(db: DbPool): Promise<string> {
  const repo = new TrendsRepository();
  return JSON.stringify(await Promise.all(QUERIES.map((q) => q.run(repo, db))));
}

const TABLES = ['case_events', 'camera_analytics_events', 'camera_status_events'];

async function bytes(db: DbPool, timescale: boolean): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const sql = timescale
      ? 'SELECT hypertable_size($1::regclass)::bigint AS b'
      : `SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0)::bigint AS b FROM pg_inherits WHERE inhparent = $1::regclass`;
    out[t] = (await db.query<{ b: number }>(sql, [t])).rows[0]?.b ?? 0;
  }
  return out;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const name = `fengqiao_bench_db_${process.pid}`;
  const say = (line: string): void => void process.stdout.write(`${line}\n`);
  const data = dataset();
  say(
    `data: ${data.cases.length} case events, ${data.analytics.length} analytics, ${data.status.length} status reports (90 days)`,
  );
  let ts: FreshDatabase | undefined;
  let plain: FreshDatabase | undefined;
  try {
    ts = await freshDatabase(config.postgres.url, name);
    plain = await freshDatabase(config.postgres.plainUrl, name);
    // Both engines in turn on a machine shared with other work: plain first, then TimescaleDB.
    const wPlain = await write(plain.pool, data);
    const wTs = await write(ts.pool, data);
    for (const [label, w] of [
      ['plain', wPlain],
      ['timescaledb', wTs],
    ] as const)
      say(
        `writer ${label}: ${w.rows} rows in ${w.seconds.toFixed(1)} s = ${Math.round(w.rows / w.seconds)} rows/s`,
      );
    for (const cagg of ['rollup_case_hourly', 'rollup_analytics_hourly'])
      await ts.pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 hour')`);
    for (const cagg of [
      'rollup_case_daily',
      'rollup_analytics_daily',
      'rollup_case_county_daily',
      'rollup_analytics_county_daily',
    ])
      await ts.pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 day')`);
    await ts.pool.query('ANALYZE');
    await plain.pool.query('ANALYZE');
    say(`answers equal on both engines: ${(await answers(ts.pool)) === (await answers(plain.pool))}`);
    const qPlain = await timeQueries(plain.pool);
    const qTs = await timeQueries(ts.pool);
    for (const q of QUERIES)
      say(
        `trend ${q.name}: plain p50 ${qPlain[q.name]?.p50} / p95 ${qPlain[q.name]?.p95} ms; timescaledb p50 ${qTs[q.name]?.p50} / p95 ${qTs[q.name]?.p95} ms (${RUNS} runs)`,
      );
    const before = await bytes(ts.pool, true);
    const plainBytes = await bytes(plain.pool, false);
    const answersBefore = await answers(ts.pool);
    const t0 = performance.now();
    // What the compression policy does when it runs: every chunk older than its compress_after.
    for (const t of TABLES)
      await ts.pool.query(
        `SELECT count(compress_chunk(c)) FROM show_chunks($1::regclass, older_than => (
           SELECT (config->>'compress_after')::interval FROM timescaledb_information.jobs
           WHERE proc_name = 'policy_compression' AND hypertable_name = $2::text)) c`,
        [t, t],
      );
    say(
      `compressed every chunk past the policy's compress_after in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    for (const t of TABLES) for (const line of describe(await breakdown(ts.pool, t))) say(line);
    const after = await bytes(ts.pool, true);
    for (const t of TABLES)
      say(
        `storage ${t}: plain ${plainBytes[t]} B; timescaledb ${before[t]} B before, ${after[t]} B after compression (${((before[t] ?? 0) / (after[t] ?? 1)).toFixed(1)}× smaller)`,
      );
    const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
    say(`storage all three: ${sum(before)} B → ${sum(after)} B (${(sum(before) / sum(after)).toFixed(1)}×)`);
    // The compressed chunks alone (TimescaleDB's own accounting): heap and TOAST, then with indexes.
    for (const t of TABLES) {
      const st = await ts.pool.query<Record<string, number>>(
        `SELECT before_compression_table_bytes + before_compression_toast_bytes AS bt,
                after_compression_table_bytes + after_compression_toast_bytes AS at,
                before_compression_total_bytes AS btot, after_compression_total_bytes AS atot,
                number_compressed_chunks AS n
         FROM hypertable_compression_stats($1::regclass)`,
        [t],
      );
      const r = st.rows[0];
      if (r !== undefined)
        say(
          `compressed chunks of ${t}: ${r.n} chunks; data ${r.bt} → ${r.at} B (${((r.bt ?? 0) / (r.at ?? 1)).toFixed(1)}×); with indexes ${r.btot} → ${r.atot} B (${((r.btot ?? 0) / (r.atot ?? 1)).toFixed(1)}×)`,
        );
    }
    say(`trend answers after compression unchanged: ${(await answers(ts.pool)) === answersBefore}`);
    const qTsc = await timeQueries(ts.pool);
    for (const q of QUERIES)
      say(`trend ${q.name} after compression: timescaledb p95 ${qTsc[q.name]?.p95} ms`);
  } finally {
    await ts?.drop();
    await plain?.drop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
