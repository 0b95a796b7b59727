import { type CaseCategory, type RiskFlags, type ServiceTier } from '@fengqiao/contracts';
import { type CaseDueTimes } from '@fengqiao/domain';
import { type Prng } from '@fengqiao/geo';
import { type CaseTimeline } from './case-timeline';
import { HOUR_MS } from './rhythm';

const MIN = 60_000;
const DAY = 24 * HOUR_MS;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Real-world durations (ms) from assignment to resolution, by tier: the service-tier promises. */
const RESOLVE_RANGE: Readonly<Record<ServiceTier, readonly [number, number]>> = {
  consultation: [MIN, 15 * MIN],
  simple: [HOUR_MS, 8 * HOUR_MS],
  general: [DAY, 5 * DAY],
  complex: [5 * DAY, 60 * DAY],
  major: [20 * DAY, 90 * DAY],
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

/** A reopened case runs its tier's clock again from the reopening. */
const reopened = (tier: ServiceTier, due: CaseDueTimes) => (atMs: number) => ({
  type: 'reopened' as const,
  reason: '当事人对调处结果有异议，申请复查',
  dueAt: iso(due.tier(tier, atMs)),
});

/** Mediation (joint for the grave tiers: mediator + legal adviser + counselor) part-way to resolution. */
function mediate(
  t: CaseTimeline,
  rng: Prng,
  tier: ServiceTier,
  category: CaseCategory,
  span: number,
): number {
  if (tier === 'consultation' || !MEDIATED.has(category) || rng.next() > 0.7) return span;
  const mediator = `调解员${String(1 + rng.int(400)).padStart(3, '0')}号`;
  t.push(span * 0.3, { type: 'in-mediation', mediator, joint: tier === 'complex' || tier === 'major' });
  return span * 0.7;
}

/** Resolution per the tier's promise (6% late), escalated first for major and violent complex cases. */
export function resolve(
  t: CaseTimeline,
  rng: Prng,
  { tier, flags, category }: { tier: ServiceTier; flags: RiskFlags; category: CaseCategory },
  due: CaseDueTimes,
): void {
  const [lo, hi] = RESOLVE_RANGE[tier];
  const resolveIn = mediate(
    t,
    rng,
    tier,
    category,
    rng.next() < 0.06 ? hi * rng.range(1.05, 1.6) : rng.range(lo, hi),
  );
  if (tier === 'major' || (tier === 'complex' && flags.violenceRisk)) {
    const toLevel = tier === 'major' ? 'county' : 'township';
    t.push(resolveIn * 0.2, { type: 'escalated', toLevel, reason: '涉及多方利益，需上级统筹协调' });
    t.push(resolveIn * 0.8, resolutionOf(rng));
  } else t.push(resolveIn, resolutionOf(rng));
  t.push(rng.range(HOUR_MS, 2 * DAY), { type: 'closed', satisfaction: satisfactionOf(rng) });
  if (rng.next() < 0.02) {
    t.push(rng.range(DAY, 10 * DAY), reopened(tier, due));
    t.push(rng.range(lo, hi), resolutionOf(rng));
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
  return 1 + rng.weighted([0.03, 0.05, 0.12, 0.35, 0.45]);
}
