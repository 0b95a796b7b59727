import { type CaseCategory, type RiskFlags, type ServiceTier } from '@fengqiao/contracts';
import { type CaseDueTimes } from '@fengqiao/domain';
import { type Prng } from '@fengqiao/geo';
import {
  JOINT_CYCLE_DAYS,
  jointCycleFactorAt,
  LATE_SHARE,
  MAJOR_RESOLUTION_DAYS,
  ON_TIME_SHARE,
  SATISFACTION_WEIGHTS,
} from './calibration';
import { type CaseTimeline } from './case-timeline';
import { HOUR_MS } from './rhythm';

const MIN = 60_000;
const DAY = 24 * HOUR_MS;
const iso = (ms: number): string => new Date(ms).toISOString();

/** How long a resolution takes at most in practice, by tier, however far its promise lies. */
const PRACTICAL_MAX: Readonly<Record<ServiceTier, number>> = {
  consultation: 15 * MIN,
  simple: 8 * HOUR_MS,
  general: 5 * DAY,
  complex: 61 * DAY,
  major: 90 * DAY,
};

/** Categories whose disputes usually go to a mediation committee before they are resolved. */
const MEDIATED: ReadonlySet<CaseCategory> = new Set([
  'neighbourhood',
  'marriage-family',
  'land-acquisition',
  'property-housing',
  'labour-wages',
  'medical',
  'contract-debt',
]);

/** One case's life so far, in real-world instants (before `compress`). */
export interface ResolutionInput {
  readonly tier: ServiceTier;
  readonly flags: RiskFlags;
  readonly category: CaseCategory;
  /** The active rule set's due times: the one home of the deadlines. */
  readonly due: CaseDueTimes;
  readonly reportedMs: number;
  readonly triagedMs: number;
  /** Where the timeline stands (after the assignment). */
  readonly nowMs: number;
}

/**
 * When the case is resolved, in real-world ms from `startMs`: inside the tier's promise (read from
 * the active rule set) for all but LATE_SHARE, which overrun it by a fraction of its length.
 */
function resolutionTarget(rng: Prng, tier: ServiceTier, startMs: number, due: CaseDueTimes): number {
  if (tier === 'major') return startMs + rng.range(MAJOR_RESOLUTION_DAYS[0], MAJOR_RESOLUTION_DAYS[1]) * DAY;
  const window = Math.max(MIN, due.tier(tier, startMs) - startMs);
  if (rng.next() < LATE_SHARE[tier]) return startMs + window * rng.range(1.03, 1.4) + HOUR_MS;
  const [lo, hi] = ON_TIME_SHARE[tier];
  return startMs + Math.min(window * rng.range(lo, hi), PRACTICAL_MAX[tier] * rng.range(0.5, 1));
}

/** A reopened case runs its tier's clock again from the reopening. */
const reopened = (tier: ServiceTier, due: CaseDueTimes) => (atMs: number) => ({
  type: 'reopened' as const,
  reason: '当事人对调处结果有异议，申请复查',
  dueAt: iso(due.tier(tier, atMs)),
});

/**
 * Resolution per the tier's promise, through mediation for the dispute categories (joint for the
 * grave tiers: mediator + legal adviser + counselor, whose cycle shortens year on year), escalated
 * first for major and violent complex cases; closed with a satisfaction score, rarely reopened.
 */
export function resolve(t: CaseTimeline, rng: Prng, c: ResolutionInput): void {
  const mediated = c.tier !== 'consultation' && MEDIATED.has(c.category) && rng.next() <= 0.7;
  const joint = mediated && (c.tier === 'complex' || c.tier === 'major');
  const targetMs = joint
    ? c.reportedMs +
      rng.range(JOINT_CYCLE_DAYS[0], JOINT_CYCLE_DAYS[1]) * DAY * jointCycleFactorAt(c.reportedMs)
    : resolutionTarget(rng, c.tier, c.triagedMs, c.due);
  let span = Math.max(MIN, targetMs - c.nowMs);
  if (mediated) {
    const mediator = `调解员${String(1 + rng.int(400)).padStart(3, '0')}号`;
    t.push(span * 0.3, { type: 'in-mediation', mediator, joint });
    span *= 0.7;
  }
  if (c.tier === 'major' || (c.tier === 'complex' && c.flags.violenceRisk)) {
    const toLevel = c.tier === 'major' ? 'county' : 'township';
    t.push(span * 0.2, { type: 'escalated', toLevel, reason: '涉及多方利益，需上级统筹协调' });
    t.push(span * 0.8, resolutionOf(rng));
  } else t.push(span, resolutionOf(rng));
  t.push(rng.range(HOUR_MS, 2 * DAY), { type: 'closed', satisfaction: satisfactionOf(rng) });
  if (rng.next() < 0.02) {
    t.push(rng.range(DAY, 10 * DAY), reopened(c.tier, c.due));
    t.push(rng.range(HOUR_MS, PRACTICAL_MAX[c.tier]), resolutionOf(rng));
    t.push(rng.range(HOUR_MS, DAY), { type: 'closed', satisfaction: satisfactionOf(rng) });
  }
}

function resolutionOf(rng: Prng): {
  type: 'resolved';
  outcome: 'mediated' | 'adjudicated' | 'withdrawn' | 'referred';
} {
  const outcomes = ['mediated', 'adjudicated', 'withdrawn', 'referred'] as const;
  return { type: 'resolved', outcome: outcomes[rng.weighted([0.7, 0.1, 0.08, 0.12])] ?? 'mediated' };
}

function satisfactionOf(rng: Prng): number {
  return 1 + rng.weighted(SATISFACTION_WEIGHTS);
}
