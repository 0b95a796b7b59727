import { type ScorecardWeights } from '@fengqiao/contracts';
import { OVERDUE_ZERO_AT } from './scorecard-weights';
import { type TownshipMeasures } from './township-measures';

/** Each measure as 0..1 (1 best); null when the township gave it nothing to measure. */
export function componentsOf(
  m: TownshipMeasures,
  bestJointShare: number | null,
): Record<keyof ScorecardWeights, number | null> {
  const active = m.casesIn > 0 || m.routingJudged > 0 || m.onTimeRate !== null || m.overdue > 0;
  return {
    onTime: m.onTimeRate,
    routing: m.routingRate,
    overdue: active ? Math.max(0, 1 - m.overdue / OVERDUE_ZERO_AT) : null,
    satisfaction: m.satisfiedShare,
    // Relative to the city's best: the seed gives no target share. When no center used the team at
    // all, nobody is marked down for it.
    jointMediation:
      m.jointMediationShare === null || bestJointShare === null || bestJointShare === 0
        ? null
        : m.jointMediationShare / bestJointShare,
  };
}

/**
 * 100 × the weighted mean of the measured components, one decimal. A component with nothing to
 * measure is left out and the others keep their relative weights; nothing measured gives null.
 */
export function scoreOf(
  components: Record<keyof ScorecardWeights, number | null>,
  weights: ScorecardWeights,
): number | null {
  let sum = 0;
  let weight = 0;
  for (const key of Object.keys(weights) as (keyof ScorecardWeights)[]) {
    const c = components[key];
    if (c === null) continue;
    sum += weights[key] * c;
    weight += weights[key];
  }
  return weight === 0 ? null : Math.round((sum / weight) * 1000) / 10;
}

/** Competition ranks (1, 2, 2, 4) by score, best first; unscored entries get null. */
export function ranksOf(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}
