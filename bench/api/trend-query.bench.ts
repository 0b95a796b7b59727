/**
 * Trend queries over seeded history: 90 days for one township and for the whole city (p95 target
 * ≤ 50 ms), and the NestJS route ÷ the same handler on bare Fastify (target ≥ 0.8). Then the grid
 * cells of a township over the demo database's seeded events (read only; `npm run -s seed && npm run
 * -s history` first if it lacks them), camera analytics from the grid rollup and from raw events.
 *   node -r @swc-node/register bench/api/trend-query.bench.ts --duration 5 --days 120
 * (the seed writes ~430,000 raw events for 90 days through the ingest's writer: minutes; --days 7 to try it)
 *   node -r @swc-node/register bench/api/trend-query.bench.ts --grid-only
 */
import { type AddressInfo } from 'node:net';
import fastify from 'fastify';
import { loadConfig } from '@fengqiao/config';
import { breakdownQuerySchema, trendSeriesQuerySchema, type TokenPair } from '@fengqiao/contracts';
import { createPool, EventStoreRepository, type DbPool } from '@fengqiao/db';
import { timeSeriesData } from '../../libs/db/src/testing/time-series-data';
import { parseOrThrow } from '../../apps/api/src/common/zod-pipe';
import { systemClock } from '../../apps/api/src/infra/api-options';
import { Database } from '../../apps/api/src/infra/database';
import { CityTrendsRepository } from '../../apps/api/src/trends/city-trends.repository';
import {
  GridTrendsRepository,
  RawGridTrendsRepository,
} from '../../apps/api/src/trends/grid-trends.repository';
import { TrendsRepository } from '../../apps/api/src/trends/trends.repository';
import { HotspotScoresService } from '../../apps/api/src/hotspots/hotspot-scores.service';
import { TrendsService } from '../../apps/api/src/trends/trends.service';
import { type AuthUser } from '../../apps/api/src/auth/auth-user';
import { benchApiDatabase, percentile, startBenchApi } from './bench-api-env';
import { durationArg, wrk } from './wrk';

/** The bare routes answer as a city-wide analyst (no region scope), like the API's own analyst login. */
const CITY_ANALYST: AuthUser = {
  userId: 'bench',
  username: 'bench',
  role: 'analyst',
  regions: [],
  expiresAt: Number.MAX_SAFE_INTEGER,
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const COUNTIES = ['511902', '511903', '511921', '511922', '511923'];

/**
 * `days` of raw history for 120 townships (5 counties × 24), through the ingest's writer as the ingest
 * writes it (EventStoreRepository: on TimescaleDB the continuous aggregates count the rows, on plain
 * PostgreSQL the writer keeps the rollup tables): per township and hour one camera detection and two
 * reported cases in three (timeSeriesData, deterministic, so a second seed adds nothing).
 */
async function seedHistory(pool: DbPool, days: number): Promise<number> {
  const store = new EventStoreRepository();
  const now = Date.now();
  let rows = 0;
  for (const county of COUNTIES)
    for (let t = 1; t <= 24; t += 1) {
      const d = timeSeriesData(`${county}${String(t).padStart(3, '0')}`, now, days);
      await store.upsertCameras(pool, d.cameras);
      for (let i = 0; i < d.cases.length; i += 1000)
        rows += await store.insertCaseEvents(pool, d.cases.slice(i, i + 1000));
      for (let i = 0; i < d.analytics.length; i += 1000)
        rows += await store.insertCameraAnalytics(pool, d.analytics.slice(i, i + 1000));
    }
  return rows;
}

async function timeSequential(url: string, token: string, n: number): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--grid-only')) await benchRollups();
  await benchGridQueries();
}

async function benchRollups(): Promise<void> {
  const seconds = durationArg(5);
  const days = arg('days', 120);
  const { config, pool } = await benchApiDatabase();
  const t0 = Date.now();
  const seeded = await seedHistory(pool, days);
  // What the refresh policies keep on TimescaleDB (materialised up to an hour / a day ago).
  if ((await pool.query<{ ts: boolean }>('SELECT fq_has_timescale() AS ts')).rows[0]?.ts === true) {
    for (const cagg of ['rollup_case_hourly', 'rollup_analytics_hourly'])
      await pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 hour')`);
    for (const cagg of [
      'rollup_case_daily',
      'rollup_analytics_daily',
      'rollup_case_county_daily',
      'rollup_analytics_county_daily',
    ])
      await pool.query(`CALL refresh_continuous_aggregate('${cagg}', NULL, now() - interval '1 day')`);
  }
  await pool.query('ANALYZE');
  process.stdout.write(
    `seeded ${seeded} raw events (${days} days, 120 townships) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  const api = await startBenchApi(config, { loginLimitPerMinute: 1000 });
  const login = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'analyst', password: 'analyst-demo-2026' }),
  });
  const token = ((await login.json()) as TokenPair).accessToken;
  const to = new Date().toISOString();
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString();
  const queries = {
    'township, 90 days, day buckets': `from=${from}&to=${to}&township=511902001&bucket=day`,
    'city, 90 days, day buckets': `from=${from}&to=${to}&bucket=day`,
    'city, 90 days, week buckets': `from=${from}&to=${to}&bucket=week`,
  };
  for (const [name, q] of Object.entries(queries)) {
    const r = await timeSequential(`${api.url}/api/trends/series?${q}`, token, 60);
    process.stdout.write(
      `${name.padEnd(32)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms (target p95 ≤ 50)\n`,
    );
  }

  // The same handler (zod parse + TrendsService) on bare Fastify, no guard/pipes/filters.
  const service = new TrendsService(
    new Database(pool),
    new TrendsRepository(),
    new CityTrendsRepository(),
    new GridTrendsRepository(),
    new HotspotScoresService(new Database(pool), systemClock, config),
    systemClock,
  );
  const bare = fastify();
  bare.get('/api/trends/series', async (req) =>
    service.series(CITY_ANALYST, parseOrThrow(trendSeriesQuerySchema, req.query)),
  );
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as AddressInfo).port;
  const q = queries['township, 90 days, day buckets'];
  const auth = [`authorization: Bearer ${token}`];
  const nest = await wrk(`${api.url}/api/trends/series?${q}`, seconds, 8, auth);
  const raw = await wrk(`http://127.0.0.1:${barePort}/api/trends/series?${q}`, seconds, 8, auth);
  process.stdout.write(
    `township query under load: nest ${nest.requestsPerSecond.toFixed(0)} req/s, bare fastify ${raw.requestsPerSecond.toFixed(0)} req/s, ` +
      `ratio ${(nest.requestsPerSecond / raw.requestsPerSecond).toFixed(2)} (target ≥ 0.8; non-2xx ${nest.non2xx}/${raw.non2xx})\n`,
  );
  await bare.close();
  await api.app.close();
  await pool.end();
}

/** The busiest township by reported cases over the last 90 days, and the median one. */
const TOWNSHIPS = `
  WITH t AS (SELECT township, count(*) AS n FROM case_events
             WHERE type = 'reported' AND occurred_at >= $1 GROUP BY 1)
  SELECT (SELECT township FROM t ORDER BY n DESC LIMIT 1) AS busiest,
         (SELECT township FROM t ORDER BY n OFFSET (SELECT count(*) / 2 FROM t) LIMIT 1) AS median,
         (SELECT max(occurred_at) FROM case_events) AS latest`;

/**
 * Grid-level queries run on the demo database's seeded history (only reads; the grid rollup as the API
 * keeps it) through the same zod parse + TrendsService on bare Fastify: the NestJS route's share is the
 * ratio measured above.
 */
async function benchGridQueries(): Promise<void> {
  const pool = createPool(loadConfig().postgres.url, { max: 4 });
  const serviceOf = (grid: GridTrendsRepository): TrendsService =>
    new TrendsService(
      new Database(pool),
      new TrendsRepository(),
      new CityTrendsRepository(),
      grid,
      new HotspotScoresService(new Database(pool), systemClock, loadConfig()),
      systemClock,
    );
  const picked = await pool.query<{ busiest: string | null; median: string | null; latest: Date | null }>(
    TOWNSHIPS,
    [new Date(Date.now() - 90 * 86_400_000)],
  );
  const { busiest, median, latest } = picked.rows[0] ?? { busiest: null, median: null, latest: null };
  if (busiest === null || median === null || latest === null) {
    process.stdout.write('no seeded case history: run `npm run -s seed && npm run -s history` first\n');
    await pool.end();
    return;
  }
  const bare = fastify();
  // The same routes twice: camera analytics from the grid rollup (/api) and from raw events (/raw).
  for (const [prefix, service] of [
    ['/api', serviceOf(new GridTrendsRepository())],
    ['/raw', serviceOf(new RawGridTrendsRepository())],
  ] as const) {
    bare.get(`${prefix}/trends/series`, async (req) =>
      service.series(CITY_ANALYST, parseOrThrow(trendSeriesQuerySchema, req.query)),
    );
    bare.get(`${prefix}/trends/breakdown`, async (req) =>
      service.breakdown(CITY_ANALYST, parseOrThrow(breakdownQuerySchema, req.query)),
    );
  }
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}`;
  const range = `from=${new Date(latest.getTime() - 90 * 86_400_000).toISOString()}&to=${latest.toISOString()}`;
  const samples = arg('samples', 30);
  for (const [label, township] of [
    ['busiest', busiest],
    ['median', median],
  ] as const) {
    const cell = await pool.query<{ grid: string }>(
      'SELECT grid FROM cameras WHERE township = $1 AND grid IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
      [township],
    );
    const grid = `${range}&township=${township}&level=grid`;
    // The view asks for the first two (ranking at a township, one cell's series); the rest is the API.
    const queries = {
      [`${label} ${township}: grid ranking`]: `breakdown?${grid}`,
      [`${label} ${township}: one cell's series`]: `series?${range}&grid=${cell.rows[0]?.grid ?? ''}&bucket=day`,
      [`${label} ${township}: all cells' series, cases`]: `series?${grid}&bucket=day&source=case`,
      [`${label} ${township}: all cells' series`]: `series?${grid}&bucket=day`,
    };
    for (const [name, q] of Object.entries(queries)) await compareGridQuery(origin, name, q, samples);
  }
  await bare.close();
  await pool.end();
}

/** One query through the rollup and through raw events, alternating; both must answer the same. */
async function compareGridQuery(origin: string, name: string, q: string, samples: number): Promise<void> {
  const [a, b] = await Promise.all(
    ['api', 'raw'].map(async (p) => (await fetch(`${origin}/${p}/trends/${q}`)).text()),
  );
  if (a !== b) throw new Error(`GRID_ROLLUP_MISMATCH: ${name} differs between rollup and raw`);
  const rolled = { p50: 0, p95: 0 };
  const raw = { p50: 0, p95: 0 };
  const rounds = 3;
  // Alternating rounds, so both see the same load on the shared machine.
  for (let i = 0; i < rounds; i += 1) {
    for (const [r, p] of [
      [raw, 'raw'],
      [rolled, 'api'],
    ] as const) {
      const t = await timeSequential(`${origin}/${p}/trends/${q}`, '', Math.ceil(samples / rounds));
      r.p50 += t.p50 / rounds;
      r.p95 += t.p95 / rounds;
    }
  }
  process.stdout.write(
    `${name.padEnd(48)} raw p50 ${raw.p50.toFixed(1)} p95 ${raw.p95.toFixed(1)} ms → rollup p50 ` +
      `${rolled.p50.toFixed(1)} p95 ${rolled.p95.toFixed(1)} ms (÷${(raw.p50 / rolled.p50).toFixed(1)} p50; target p95 ≤ 50)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
