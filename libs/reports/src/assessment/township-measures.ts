import { type ServiceTier } from '@fengqiao/contracts';
import { byTier, type Range, within } from '../model/case-figures';
import { type PromiseJudge } from '../model/tier-promises';
import { overdue } from '../model/trend-and-overdue';
import { type AssessedCase } from './assessed-case';

/** What one township center did in the quarter (the score's inputs). */
export interface TownshipMeasures {
  readonly casesIn: number;
  readonly onTimeByTier: readonly {
    tier: ServiceTier;
    onTime: number;
    judged: number;
    rate: number | null;
  }[];
  readonly onTimeRate: number | null;
  readonly routedOnTime: number;
  readonly routingJudged: number;
  readonly routingRate: number | null;
  readonly overdue: number;
  readonly satisfactionResponses: number;
  readonly satisfiedShare: number | null;
  readonly finished: number;
  readonly jointMediationShare: number | null;
}

/** The tier promises and the routing promise a quarter is judged by. */
export interface AssessmentJudges {
  readonly tiers: PromiseJudge;
  readonly routing: PromiseJudge;
}

const rate = (n: number, d: number): number | null =>
  d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;

/** The same rule as the report's per-tier count (case-figures `byTier`), for the routing promise. */
function routingOf(cases: readonly AssessedCase[], range: Range, judge: PromiseJudge) {
  let onTime = 0;
  let late = 0;
  for (const c of cases) {
    const due = judge.dueAt(c);
    const kept = judge.keptAt(c);
    if (due === null) continue;
    if (kept !== null && kept <= due && within(kept, range)) onTime++;
    else if ((kept === null || kept > due) && within(due, range)) late++;
  }
  return { routedOnTime: onTime, routingJudged: onTime + late, routingRate: rate(onTime, onTime + late) };
}

/**
 * One township's quarter, over `range` (the quarter, cut at `now` while it is under way, so a
 * promise not yet due never counts as broken). Tier on-time rates use the cadence reports' own
 * count (`byTier`), the overdue cases their own list (`overdue`); satisfaction counts cases closed in
 * the range (as the KPI tile: 4 or 5 is satisfied), the joint share cases finished in it.
 */
export function measureTownship(
  cases: readonly AssessedCase[],
  range: Range,
  judges: AssessmentJudges,
): TownshipMeasures {
  const tiers = byTier(cases, range, judges.tiers).map((t) => ({
    tier: t.tier,
    onTime: t.onTime,
    judged: t.onTime + t.late,
    rate: rate(t.onTime, t.onTime + t.late),
  }));
  const onTime = tiers.reduce((s, t) => s + t.onTime, 0);
  const judged = tiers.reduce((s, t) => s + t.judged, 0);
  const responses = cases.filter((c) => within(c.closedAt, range) && c.satisfaction !== null);
  const finished = cases.filter((c) => within(c.doneAt, range));
  return {
    casesIn: cases.filter((c) => within(c.reportedAt, range)).length,
    onTimeByTier: tiers,
    onTimeRate: rate(onTime, judged),
    ...routingOf(cases, range, judges.routing),
    overdue: overdue(cases, range.to, judges.tiers.dueAt, judges.tiers.keptAt, () => '').length,
    satisfactionResponses: responses.length,
    satisfiedShare: rate(responses.filter((c) => (c.satisfaction ?? 0) >= 4).length, responses.length),
    finished: finished.length,
    jointMediationShare: rate(finished.filter((c) => c.jointMediation).length, finished.length),
  };
}
