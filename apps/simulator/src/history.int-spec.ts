import { createPool, type DbPool } from '@fengqiao/db';
import { buildDemoCity } from '@fengqiao/geo';
import { testConfig } from '@fengqiao/testing';
import { KEEP_OVERDUE_OPEN } from './history-settle';
import { HistoryService, localMidnight } from './history.service';

const config = testConfig();
// A window of its own, a year back, so other specs' live-time rows never fall into it.
const END = localMidnight(Date.parse('2025-12-01T12:00:00+08:00'));
const START = END - 2 * 24 * 3600 * 1000;
const city = buildDemoCity({ seed: 77, cameras: 1_500, townships: 40 });
let pool: DbPool;

beforeAll(() => {
  pool = createPool(config.postgres.url, { max: 2 });
});

afterAll(async () => {
  await pool.end();
});

async function totals(): Promise<Record<string, number>> {
  const r = await pool.query<{ k: string; n: number }>(
    `SELECT 'cases' AS k, count(*)::int AS n FROM case_events WHERE occurred_at >= $1 AND occurred_at < $2
     UNION ALL SELECT 'reported', count(*)::int FROM case_events
       WHERE occurred_at >= $1 AND occurred_at < $2 AND type = 'reported'
     UNION ALL SELECT 'detections', count(*)::int FROM camera_analytics_events WHERE occurred_at >= $1 AND occurred_at < $2
     UNION ALL SELECT 'rollup-' || source, coalesce(sum(events), 0)::int FROM region_hourly_rollup
       WHERE bucket >= $1 AND bucket < $2 GROUP BY source`,
    [new Date(START), new Date(END)],
  );
  return Object.fromEntries(r.rows.map((row) => [row.k, row.n]));
}

describe('history', () => {
  it('writes days of cases and detections with rollup rows that add up to the raw rows', async () => {
    const service = new HistoryService(pool, city, () => undefined);
    const r = await service.run({ seed: 77, days: 2, rate: 1, endMs: END, yearAgoDays: 0 });
    expect(r.daysWritten).toBe(4);
    const t = await totals();
    expect(t.cases).toBe(r.caseEvents);
    expect(t.detections).toBe(r.detections);
    expect(t.reported).toBeGreaterThan(1_000);
    expect(t['rollup-case']).toBe(t.reported);
    expect(t['rollup-analytics']).toBe(t.detections);
  }, 300_000);

  it('keeps the rollup per hour, township and category equal to counting the raw rows', async () => {
    const diff = await pool.query<{ n: number }>(
      `WITH raw AS (
         SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00') AS bucket, township, category,
                count(*)::int AS events
         FROM case_events WHERE occurred_at >= $1 AND occurred_at < $2 AND type = 'reported' GROUP BY 1, 2, 3)
       SELECT count(*)::int AS n FROM raw FULL JOIN
         (SELECT bucket, township, category, events FROM region_hourly_rollup
          WHERE source = 'case' AND bucket >= $1 AND bucket < $2) r USING (bucket, township, category)
       WHERE raw.events IS DISTINCT FROM r.events`,
      [new Date(START), new Date(END)],
    );
    expect(diff.rows[0]?.n).toBe(0);
  });

  it('projects the cases with their deadlines and leaves at most a handful overdue and open', async () => {
    const r = await pool.query<{ projected: number; with_due: number; overdue_open: number }>(
      `SELECT count(*)::int AS projected, count(due_at)::int AS with_due,
              count(*) FILTER (WHERE clock_stopped_at IS NULL AND due_at < $2)::int AS overdue_open
       FROM cases WHERE reported_at >= $1 AND reported_at < $2`,
      [new Date(START), new Date(END)],
    );
    const t = await totals();
    expect(r.rows[0]?.projected).toBe(t.reported);
    expect(r.rows[0]?.with_due).toBe(t.reported);
    expect(r.rows[0]?.overdue_open).toBeLessThanOrEqual(KEEP_OVERDUE_OPEN);
  });

  it('skips complete days on a second run, quickly, and adds nothing', async () => {
    const before = await totals();
    const t0 = performance.now();
    const r = await new HistoryService(pool, city, () => undefined).run({
      seed: 77,
      days: 2,
      rate: 1,
      endMs: END,
      yearAgoDays: 0,
    });
    // Two days, each in two parts (cases, detections).
    expect(r).toEqual({ daysWritten: 0, daysSkipped: 4, caseEvents: 0, detections: 0 });
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(await totals()).toEqual(before);
  });

  it('writes only the missing days when the range grows', async () => {
    const r = await new HistoryService(pool, city, () => undefined).run({
      seed: 77,
      days: 3,
      rate: 1,
      endMs: END,
      yearAgoDays: 0,
    });
    expect(r.daysWritten).toBe(2);
    expect(r.daysSkipped).toBe(4);
    expect(r.caseEvents).toBeGreaterThan(1_000);
  }, 300_000);
});
