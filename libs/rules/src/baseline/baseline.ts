import { hourOfWeek } from '@fengqiao/domain';

const HOURS_PER_WEEK = 168;

/** Mean and standard deviation of a metric for one region and hour of the week. */
export interface BaselineStat {
  readonly mean: number;
  readonly std: number;
}

/** One region × metric baseline as data: 168 means and 168 standard deviations (Monday 00h first). */
export interface BaselineSeries {
  readonly region: string;
  readonly metric: string;
  readonly means: readonly number[];
  readonly stds: readonly number[];
}

/** Per region and hour-of-week expectations, supplied as data (computed from history elsewhere). */
export interface Baseline {
  stat(region: string, metric: string, hourOfWeek: number): BaselineStat | undefined;
  readonly seriesCount: number;
}

/** Packs series into one Float64Array per region × metric: 2.7 KB each. */
export function baselineFromSeries(series: Iterable<BaselineSeries>): Baseline {
  const table = new Map<string, Float64Array>();
  for (const s of series) {
    const packed = new Float64Array(2 * HOURS_PER_WEEK);
    for (let h = 0; h < HOURS_PER_WEEK; h++) {
      packed[h] = s.means[h] ?? 0;
      packed[HOURS_PER_WEEK + h] = s.stds[h] ?? 0;
    }
    table.set(`${s.region}|${s.metric}`, packed);
  }
  return {
    stat(region, metric, how) {
      const packed = table.get(`${region}|${metric}`);
      if (packed === undefined) return undefined;
      return { mean: packed[how] ?? 0, std: packed[HOURS_PER_WEEK + how] ?? 0 };
    },
    seriesCount: table.size,
  };
}

/**
 * Whole weeks of hourly history a baseline is built from: 13 (a quarter) gives each hour of the week
 * 13 samples, enough for a mean and deviation, while a season's drift still moves it. The engine
 * (warning service) and the backtest (API) both read it here, so a replay compares like with like.
 */
export const BASELINE_WEEKS = 13;

/** One hourly count from history (e.g. a row of region_hourly_rollup). */
export interface HourlyCount {
  readonly region: string;
  readonly metric: string;
  readonly hourStartMs: number;
  readonly value: number;
}

/**
 * Computes baselines from `weeks` whole weeks of hourly counts ending before `untilMs`. Hours
 * without a row count as zero, so a quiet hour lowers the mean instead of being ignored.
 */
export function buildBaseline(
  rows: Iterable<HourlyCount>,
  opts: { untilMs: number; weeks: number; utcOffsetMinutes: number },
): BaselineSeries[] {
  const fromMs = opts.untilMs - opts.weeks * HOURS_PER_WEEK * 3_600_000;
  const sums = new Map<string, { region: string; metric: string; s: Float64Array; q: Float64Array }>();
  for (const r of rows) {
    if (r.hourStartMs < fromMs || r.hourStartMs >= opts.untilMs) continue;
    const key = `${r.region}|${r.metric}`;
    let acc = sums.get(key);
    if (acc === undefined) {
      acc = { region: r.region, metric: r.metric, s: new Float64Array(168), q: new Float64Array(168) };
      sums.set(key, acc);
    }
    const h = hourOfWeek(r.hourStartMs, opts.utcOffsetMinutes * 60_000);
    acc.s[h] = (acc.s[h] ?? 0) + r.value;
    acc.q[h] = (acc.q[h] ?? 0) + r.value * r.value;
  }
  return [...sums.values()].map(({ region, metric, s, q }) => {
    const means = Array.from(s, (v) => v / opts.weeks);
    const stds = means.map((m, h) => Math.sqrt(Math.max(0, (q[h] ?? 0) / opts.weeks - m * m)));
    return { region, metric, means, stds };
  });
}
