import { CASE_CATEGORIES, SERVICE_TIERS } from '@fengqiao/contracts';
import { categoryLabel, TIER_LABELS, TIER_PROMISE_LABELS } from '../labels';
import { type CaseFact } from './report-input';
import { type CategoryRow, type Change, type CycleTime, type TierRow } from './report-model';
import { type PromiseJudge } from './tier-promises';

const HOUR_MS = 3_600_000;

/** A half-open range of instants [from, to). */
export interface Range {
  readonly from: number;
  readonly to: number;
}

export const within = (t: number | null, r: Range): boolean => t !== null && t >= r.from && t < r.to;

/** Relative change in percent with one decimal; null when there is nothing to compare with. */
export function changePercent(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

export function change(current: number, previous: number): Change {
  return { current, previous, changePercent: changePercent(current, previous) };
}

/** Categories in the contract's order, then any unknown ones; rows with no case are left out. */
export function byCategory(cases: readonly CaseFact[], period: Range): CategoryRow[] {
  const inCount = new Map<string, number>();
  const closedCount = new Map<string, number>();
  for (const c of cases) {
    if (within(c.reportedAt, period)) inCount.set(c.category, (inCount.get(c.category) ?? 0) + 1);
    if (within(c.doneAt, period)) closedCount.set(c.category, (closedCount.get(c.category) ?? 0) + 1);
  }
  const known: readonly string[] = CASE_CATEGORIES;
  const extra = [...new Set([...inCount.keys(), ...closedCount.keys()])].filter((k) => !known.includes(k));
  return [...known, ...extra.sort()]
    .map((category) => ({
      category,
      label: categoryLabel(category),
      casesIn: inCount.get(category) ?? 0,
      closed: closedCount.get(category) ?? 0,
    }))
    .filter((r) => r.casesIn + r.closed > 0);
}

/**
 * Per tier: a case counts as on time when its promise was kept by its due instant inside the
 * period, and late when the due instant passed inside the period unkept (kept late or still open).
 */
export function byTier(cases: readonly CaseFact[], period: Range, judge: PromiseJudge): TierRow[] {
  return SERVICE_TIERS.map((tier) => {
    const ofTier = cases.filter((c) => c.tier === tier);
    let onTime = 0;
    let late = 0;
    for (const c of ofTier) {
      const due = judge.dueAt(c);
      const kept = judge.keptAt(c);
      if (due === null) continue;
      if (kept !== null && kept <= due && within(kept, period)) onTime++;
      else if ((kept === null || kept > due) && within(due, period)) late++;
    }
    return {
      tier,
      label: TIER_LABELS[tier],
      promise: TIER_PROMISE_LABELS[tier],
      casesIn: ofTier.filter((c) => within(c.reportedAt, period)).length,
      closed: ofTier.filter((c) => within(c.doneAt, period)).length,
      onTime,
      late,
      onTimeRate: onTime + late === 0 ? null : onTime / (onTime + late),
    };
  });
}

function averageCycleHours(cases: readonly CaseFact[], range: Range): number | null {
  const done = cases.filter((c) => within(c.doneAt, range));
  if (done.length === 0) return null;
  const total = done.reduce((s, c) => s + ((c.doneAt ?? c.reportedAt) - c.reportedAt), 0);
  return Math.round((total / done.length / HOUR_MS) * 10) / 10;
}

export function cycleTime(cases: readonly CaseFact[], period: Range, previous: Range): CycleTime {
  const averageHours = averageCycleHours(cases, period);
  const previousAverageHours = averageCycleHours(cases, previous);
  return {
    averageHours,
    previousAverageHours,
    changePercent: averageHours === null ? null : changePercent(averageHours, previousAverageHours),
  };
}
