import { loadConfig } from '@fengqiao/config';
import { cityDateOf, cityMidnightMs, HOUR_MS } from '@fengqiao/domain';
import { createPool, type DbPool } from './pool';

// The city's day has one owner per language: libs/domain `cityDateOf` (TypeScript) and SQL
// `fq_beijing_day(timestamptz)` (migration 20261127400200; the rollups, trends and KPI tiles group
// by it). This spec pins the SQL owner to the TypeScript one on the instants where a copy would
// slip: both sides of local midnight, year and leap-day ends, the other zones' DST switches, and
// sessions whose TimeZone is not UTC.
// libs/testing imports this lib, so the int tier's database is read from config directly.
const config = loadConfig();
if (!/\/fengqiao_test_\d+$/.test(config.postgres.url)) throw new Error('run through the int tier');
let pool: DbPool;

const EDGES = [
  '2026-12-06T16:00:00.000Z', // local midnight (00:00 +08)
  '2026-12-06T15:59:59.999Z', // the millisecond before it
  '2026-12-31T15:59:59.999Z', // the year's last local millisecond
  '2026-12-31T16:00:00.000Z', // local new year, still 2026 in UTC
  '2028-02-28T16:00:00.000Z', // local leap day begins
  '2028-02-29T15:59:59.999Z', // and ends
  '2026-03-08T07:00:00.000Z', // New York's DST switch
  '2026-03-29T01:00:00.000Z', // Berlin's DST switch
  '2026-10-25T00:30:00.000Z', // Berlin back to winter time
  '1999-12-31T16:00:00.000Z', // the millennium, locally
  '2038-01-19T03:14:08.000Z', // past 32-bit epoch seconds
].map((iso) => Date.parse(iso));

/** Every 7 h 13 min for a year: each local hour of the day, every weekday, month ends. */
const SWEEP = Array.from(
  { length: 1200 },
  (_, i) => Date.parse('2026-01-01T00:00:00Z') + i * (7 * HOUR_MS + 13 * 60_000),
);

beforeAll(() => {
  pool = createPool(config.postgres.url, { max: 1 });
});
afterAll(async () => {
  await pool.end();
});

describe('SQL fq_beijing_day / fq_beijing_day_start are libs/domain cityDateOf / cityMidnightMs (real PostgreSQL)', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Pacific/Kiritimati'])(
    'on every edge instant and a year of sweeps, with the session in %s',
    async (zone) => {
      const instants = [...EDGES, ...SWEEP];
      const client = await pool.connect();
      try {
        await client.query(`SET TimeZone = '${zone}'`);
        const { rows } = await client.query<{ day: string }>(
          `SELECT fq_beijing_day(to_timestamp(ms / 1000.0))::text AS day
             FROM unnest($1::float8[]) WITH ORDINALITY AS t(ms, n) ORDER BY n`,
          [instants],
        );
        expect(rows.map((r) => r.day)).toEqual(instants.map(cityDateOf));
        // And its inverse: the instant each of those days begins.
        const starts = await client.query<{ ms: string }>(
          `SELECT (extract(epoch FROM fq_beijing_day_start(d::date)) * 1000)::bigint::text AS ms
             FROM unnest($1::text[]) WITH ORDINALITY AS t(d, n) ORDER BY n`,
          [rows.map((r) => r.day)],
        );
        expect(starts.rows.map((r) => Number(r.ms))).toEqual(rows.map((r) => cityMidnightMs(r.day)));
      } finally {
        await client.query('RESET TimeZone');
        client.release();
      }
    },
  );
});
