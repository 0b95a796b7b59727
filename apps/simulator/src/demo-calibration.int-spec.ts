import { type KpiSnapshot } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { buildDemoCity } from '@fengqiao/geo';
import { testConfig } from '@fengqiao/testing';
import { FIRST_STEP_DAYS } from './history-plan';
import { KEEP_OVERDUE_OPEN } from './history-settle';
import { HistoryService, localMidnight } from './history.service';
import { liveFirstStep } from './testing/demo-carry';
import { ownDatabase, startKpiReader } from './testing/demo-kpis';

// The demo history against the seed's figures (domain.md), read through the API's own KPI tiles
// (GET /api/kpis on a fixed clock), in databases of this spec's own. The first step as `npm start`
// runs it (the city's full intake: four days and the same days a year earlier, then the live
// simulator's first step), timed; then, reduced but representative, a tenth of the intake over the
// full 92 days the tiles reach back (the complex tier's 61-day promise plus the 30-day window) and
// the year-ago days, on a 600-camera city.

const SEED = 4242;
const RATE = 0.1;
/** Monday 2026-12-07, 10:00 Beijing time: the weekend's cases are due today, not yet judged. */
const END = localMidnight(Date.parse('2026-12-07T12:00:00+08:00'));
const NOW = new Date(END + 10 * 3_600_000);
const city = buildDemoCity({ seed: SEED, cameras: 600, townships: 40 });

/** Four days a side at the full intake hold ~4,700 and ~5,800 cases: a sampling sd of ~1.6 points. */
const FIRST_STEP_YOY_POINTS = 4;

type OwnDb = Awaited<ReturnType<typeof ownDatabase>>;
let db: OwnDb;
let afterFirstStep: KpiSnapshot;
let firstStepSeconds: number;
let full: KpiSnapshot;
const history = (pool: DbPool, days: number) =>
  new HistoryService(pool, city, () => undefined).run({ seed: SEED, days, rate: RATE, endMs: END });

/** Each setup phase's wall-clock seconds, printed at the end (where the spec's time goes). */
const phases: [string, number][] = [];
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    phases.push([name, (performance.now() - t0) / 1000]);
  }
}

const tier = (s: KpiSnapshot, t: string) => s.onTimeByTier.rows.find((r) => r.tier === t);

/** The tiles as an API started now on the fixed clock computes them (stopped again: it idles meanwhile). */
async function tiles(of: OwnDb = db): Promise<KpiSnapshot> {
  const kpis = await startKpiReader(of.config, NOW);
  try {
    return await kpis.city();
  } finally {
    await kpis.close();
  }
}

/** `npm start`'s first step at the full intake, in a database of its own: its tiles and its time. */
async function firstStep(): Promise<void> {
  const own = await ownDatabase(testConfig(), `fq_demo_first_step_${process.pid}`);
  try {
    const t0 = performance.now();
    await new HistoryService(own.pool, city, () => undefined).run({
      seed: SEED,
      days: FIRST_STEP_DAYS,
      yearAgoDays: FIRST_STEP_DAYS + 1,
      rate: 1,
      endMs: END,
    });
    firstStepSeconds = (performance.now() - t0) / 1000;
    phases.push(['first step: history', firstStepSeconds]);
    await timed('first step: live first step', () =>
      liveFirstStep(own.pool, city, {
        seed: SEED,
        rate: 1,
        nowMs: NOW.getTime(),
        carryDays: FIRST_STEP_DAYS,
      }),
    );
    afterFirstStep = await timed('first step: tiles', () => tiles(own));
  } finally {
    await own.drop();
  }
}

/** The reduced 92-day history, the live simulator's first step with its 14-day carry, and the tiles. */
async function fullHistory(): Promise<void> {
  db = await timed('database', () => ownDatabase(testConfig(), `fq_demo_calibration_${process.pid}`));
  await timed('history: 92 days', () => history(db.pool, 92));
  await timed('live first step: 14-day carry', () =>
    liveFirstStep(db.pool, city, { seed: SEED, rate: RATE, nowMs: NOW.getTime(), carryDays: 14 }),
  );
  full = await timed('tiles', () => tiles());
}

beforeAll(async () => {
  // The two databases share nothing: built side by side, the spec waits on the longer (the 92-day
  // history, ~625 s of 1,013 s one after the other at load 12-19), not on both. Both settle before
  // any failure is thrown, so afterAll never drops a database still being written.
  const settled = await Promise.allSettled([
    timed('first step (all)', firstStep),
    timed('92 days (all)', fullHistory),
  ]);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
}, 1_800_000);

afterAll(async () => {
  await db?.drop();
  process.stdout.write(`setup phases (s): ${phases.map(([n, s]) => `${n} ${s.toFixed(1)}`).join(' · ')}\n`);
});

describe('the demo history looks like the seed (domain.md), through the API tiles', () => {
  it('after the first step every rate tile has a value (its time printed)', () => {
    // Printed, not asserted: wall-clock time on a shared 2-core machine says more about the load than
    // the code. 36-53 s at load 9-14 (tools alone); 230 s inside this spec at load 20 (docs/demo-data.md),
    // 247 s at load 12-19 alone; here it runs beside the 92-day history, which slows it further.
    process.stdout.write(`first step at the full intake: ${firstStepSeconds.toFixed(1)} s\n`);
    const s = afterFirstStep;
    expect(s.routedWithinOneWorkingDay.rate).not.toBeNull();
    expect(s.onTimeByTier.rows.some((r) => r.rate !== null)).toBe(true);
    expect(s.resolutionRate.rate).not.toBeNull();
    expect(s.averageCycleHours.value).not.toBeNull();
    expect(s.satisfaction.average).not.toBeNull();
    expect(s.disputesYearOnYear.changePercent).not.toBeNull();
  });

  it(`after the first step has disputes 17.8 % down year on year (± ${FIRST_STEP_YOY_POINTS} points)`, () => {
    // It read -28.3 %: a tenth of the intake (a sampling sd of ~5 points on four days), and the
    // year-ago window held today's first ten hours while today had none before the simulator began.
    const y = afterFirstStep.disputesYearOnYear;
    process.stdout.write(
      `year on year after the first step: ${y.changePercent} % (${y.current} / ${y.previous})\n`,
    );
    expect(y.previous).toBeGreaterThan(5_000);
    expect(Math.abs((y.changePercent ?? 0) - -17.8)).toBeLessThanOrEqual(FIRST_STEP_YOY_POINTS);
  });

  it('routes nearly every case within one working day (≥ 97 %)', () => {
    expect(full.routedWithinOneWorkingDay.total).toBeGreaterThan(2_000);
    expect(full.routedWithinOneWorkingDay.rate).toBeGreaterThanOrEqual(0.97);
  });

  it.each(['consultation', 'simple', 'general', 'complex', 'major'])(
    'keeps the %s promise in the nineties (90 % to 99.9 %)',
    (t) => {
      const row = tier(full, t);
      expect(row?.due).toBeGreaterThan(20);
      expect(row?.rate).toBeGreaterThanOrEqual(0.9);
      expect(row?.rate).toBeLessThanOrEqual(0.999);
    },
  );

  it('has disputes 17.8 % down on the same 30 days a year earlier (± 4 points)', () => {
    const y = full.disputesYearOnYear;
    expect(y.previous).toBeGreaterThan(2_500);
    expect(Math.abs((y.changePercent ?? 0) - -17.8)).toBeLessThanOrEqual(4);
  });

  it('has the joint-mediation cycle 65 % shorter than a year earlier (± 7 points)', () => {
    const j = full.averageCycleHours.jointMediation;
    expect(j.cases).toBeGreaterThan(50);
    expect(Math.abs((j.changePercent ?? 0) - -65)).toBeLessThanOrEqual(7);
  });

  it('has satisfaction high: mean ≥ 4.3 of 5, nine in ten satisfied (≥ 0.85)', () => {
    expect(full.satisfaction.responses).toBeGreaterThan(2_000);
    expect(full.satisfaction.average).toBeGreaterThanOrEqual(4.3);
    expect(full.satisfaction.satisfiedShare).toBeGreaterThanOrEqual(0.85);
  });

  it('leaves a handful of cases overdue and open, not hundreds, none late by 3 days', async () => {
    const r = await db.pool.query<{ n: number; oldest_days: number | null }>(
      `SELECT count(*)::int AS n, max(extract(epoch FROM $1::timestamptz - due_at) / 86400)::float8 AS oldest_days
       FROM cases WHERE clock_stopped_at IS NULL AND due_at < $1`,
      [NOW],
    );
    process.stdout.write(`overdue and open: ${r.rows[0]?.n}, oldest ${r.rows[0]?.oldest_days} days late\n`);
    expect(r.rows[0]?.n).toBeLessThanOrEqual(2 * KEEP_OVERDUE_OPEN);
    // 11.7 days late in the run of 2026-12-07 04:42: the five most recently due stayed open, however late.
    expect(r.rows[0]?.oldest_days ?? 0).toBeLessThan(3);
  });
});
