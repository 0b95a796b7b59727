import { type TrendPoint } from '@fengqiao/contracts';
import { cityMonthOf } from '@fengqiao/domain';

/** Buckets the chart shows; `month` is folded from day buckets here until the API offers it. */
export type ViewBucket = 'hour' | 'day' | 'week' | 'month';

export interface CategorySeries {
  readonly buckets: readonly string[];
  /** Per category, one count per bucket (0 where the API sent no row). */
  readonly series: readonly { readonly category: string; readonly values: readonly number[] }[];
}

/** 2026-03-31T16:00:00Z → "2026-04" (months start at Beijing midnight, like the API's days). */
export function beijingMonth(iso: string): string {
  return cityMonthOf(Date.parse(iso));
}

/** Sums points into calendar months, keyed by the month's first bucket label. */
export function foldToMonths(points: readonly TrendPoint[]): TrendPoint[] {
  const sums = new Map<string, TrendPoint>();
  for (const p of points) {
    const key = `${beijingMonth(p.bucket)}|${p.region}|${p.category}`;
    const prev = sums.get(key);
    sums.set(key, {
      ...p,
      bucket: prev?.bucket ?? beijingMonth(p.bucket),
      events: (prev?.events ?? 0) + p.events,
    });
  }
  return [...sums.values()];
}

/** Points (any regions) → one series per category over the sorted buckets, the biggest first. */
export function seriesByCategory(points: readonly TrendPoint[], maxSeries = 8): CategorySeries {
  const buckets = [...new Set(points.map((p) => p.bucket))].sort();
  const index = new Map(buckets.map((b, i) => [b, i]));
  const byCat = new Map<string, number[]>();
  for (const p of points) {
    const values = byCat.get(p.category) ?? new Array<number>(buckets.length).fill(0);
    const i = index.get(p.bucket) ?? 0;
    values[i] = (values[i] ?? 0) + p.events;
    byCat.set(p.category, values);
  }
  const total = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);
  const ranked = [...byCat].sort((a, b) => total(b[1]) - total(a[1]));
  const kept = ranked.slice(0, maxSeries - 1);
  const rest = ranked.slice(maxSeries - 1);
  if (rest.length === 1 && rest[0] !== undefined) kept.push(rest[0]);
  else if (rest.length > 1) {
    kept.push(['other', buckets.map((_, i) => rest.reduce((s, [, v]) => s + (v[i] ?? 0), 0))]);
  }
  return { buckets, series: kept.map(([category, values]) => ({ category, values })) };
}

/** Totals per category, largest first. */
export function totalsByCategory(points: readonly TrendPoint[]): { category: string; events: number }[] {
  const sums = new Map<string, number>();
  for (const p of points) sums.set(p.category, (sums.get(p.category) ?? 0) + p.events);
  return [...sums].map(([category, events]) => ({ category, events })).sort((a, b) => b.events - a.events);
}
