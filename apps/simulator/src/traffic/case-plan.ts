import {
  type CaseCategory,
  type CaseEvent,
  type RiskFlags,
  type RuleSetInput,
  type ServiceTier,
} from '@fengqiao/contracts';
import { type CaseDueTimes } from '@fengqiao/domain';
import { type Prng, type Region } from '@fengqiao/geo';
import { DEFAULT_ROUTING_RULES, suggestRouting } from '@fengqiao/intake';
import { partyKeyOf, personOf } from './case-parties';
import { resolve } from './case-resolution';
import { CaseTimeline } from './case-timeline';
import { LATE_SHARE } from './calibration';
import { HOUR_MS } from './rhythm';
import {
  CATEGORY_MIX,
  CHANNEL_MIX,
  DEPARTMENT_OF,
  SUMMARIES,
  TIER_MIX,
  categoryAt,
  channelAt,
  tierAt,
} from './traffic-model';

const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The rule set whose deadlines a case's `dueAt` is stamped with, on its working-day calendar: the
 * ACTIVE one (libs/db `ActiveCaseClockCache`), as the API stamps them.
 */
export interface CaseClock {
  readonly ruleSet: RuleSetInput;
  readonly due: CaseDueTimes;
}

/** Where and when a case starts, and anything an incident imposes on it. */
export interface CaseSeed {
  readonly caseId: string;
  readonly reportedAtMs: number;
  readonly county: Region;
  readonly township: Region;
  readonly village: Region;
  readonly grid: Region;
  readonly category?: CaseCategory;
  readonly riskFlags?: Partial<RiskFlags>;
  readonly partiesCount?: number;
}

function flagsOf(
  rng: Prng,
  tier: ServiceTier,
  category: CaseCategory,
  forced: Partial<RiskFlags> = {},
): RiskFlags {
  const grave = tier === 'major' || tier === 'complex';
  return {
    violenceRisk: rng.next() < (grave ? 0.15 : 0.02),
    extremeWords: rng.next() < (grave ? 0.08 : 0.01),
    groupPetition: rng.next() < (tier === 'major' ? 0.3 : category === 'land-acquisition' ? 0.1 : 0.01),
    repeatVisits: rng.poisson(category === 'petition' ? 2 : 0.3),
    ...forced,
  };
}

/**
 * Triage before the routing promise of the active rule set falls due (a few late): within hours in
 * office time, a case reported on a Friday evening on the next working morning at the latest. A
 * consultation is routed on the spot.
 */
function triageDelay(rng: Prng, tier: ServiceTier, reportedMs: number, due: CaseDueTimes): number {
  if (tier === 'consultation') return rng.range(1, 5) * MIN;
  const window = due.routing(reportedMs) - reportedMs;
  if (rng.next() < LATE_SHARE.routing) return window + rng.range(1, 20) * HOUR_MS;
  return Math.min(rng.range(10 * MIN, 8 * HOUR_MS), window * rng.range(0.5, 0.95));
}

/** 领导包案: a leader takes a major dispute in hand within hours of its triage (a few late). */
function leaderDelay(rng: Prng, triagedMs: number, due: CaseDueTimes): number {
  const window = due.tier('major', triagedMs) - triagedMs;
  if (rng.next() < LATE_SHARE.major) return window * rng.range(1.05, 1.5);
  return Math.min(rng.range(30 * MIN, 12 * HOUR_MS), window * 0.9);
}

/**
 * The whole life of one case, decided up front from its own random stream: reported → triaged
 * (within one working day) → assigned → [escalated] → resolved (per the tier's promise, a few late)
 * → closed with a satisfaction score, occasionally reopened. Delays are divided by `compress`.
 */
export function planCase(seed: CaseSeed, rng: Prng, compress: number, clock: CaseClock): CaseEvent[] {
  const tier = tierAt(rng.weighted(TIER_MIX));
  const category = seed.category ?? categoryAt(rng.weighted(CATEGORY_MIX));
  const flags = flagsOf(rng, tier, category, seed.riskFlags);
  const partiesCount = seed.partiesCount ?? (flags.groupPetition ? 8 + rng.int(60) : 1 + rng.int(3));
  const department = `${seed.county.name}${DEPARTMENT_OF[category]}`;
  const region = {
    county: seed.county.code,
    township: seed.township.code,
    village: seed.village.code,
    grid: seed.grid.code,
  };
  const channel = channelAt(rng.weighted(CHANNEL_MIX));
  const t = new CaseTimeline(
    { schema: 'case.event.v1', caseId: seed.caseId, channel, region },
    seed.reportedAtMs,
    compress,
  );
  const parties = Array.from({ length: Math.min(partiesCount, 3) }, () => personOf(rng, seed.county.code));
  t.push(0, {
    type: 'reported',
    category,
    summary: rng.pick(SUMMARIES[category]),
    location: seed.grid.centre,
    partiesCount,
    riskFlags: flags,
    parties,
    partyKeys: parties.map(partyKeyOf),
    dueAt: iso(clock.due.routing(seed.reportedAtMs)),
  });
  const { unit } = unitOf(category, region, flags, seed.reportedAtMs, clock.ruleSet);
  // Real-world instants, before `compress`: the promises are judged on them.
  const triagedMs = seed.reportedAtMs + triageDelay(rng, tier, seed.reportedAtMs, clock.due);
  t.push(triagedMs - seed.reportedAtMs, (atMs) => ({
    type: 'triaged',
    category,
    tier,
    department,
    unit,
    dueAt: iso(clock.due.tier(tier, atMs)),
  }));
  let nowMs = triagedMs;
  if (tier === 'major') {
    const delay = leaderDelay(rng, triagedMs, clock.due);
    t.push(delay, {
      type: 'leader-assigned',
      leader: `${seed.county.name}副县长`,
      reason: '重大纠纷，领导包案',
    });
    nowMs += delay;
  }
  const assignee = `调解员${String(1 + rng.int(400)).padStart(3, '0')}号`;
  const assignIn = tier === 'consultation' ? MIN : rng.range(5, 120) * MIN;
  t.push(assignIn, { type: 'assigned', department, assignee });
  resolve(t, rng, {
    tier,
    flags,
    category,
    due: clock.due,
    reportedMs: seed.reportedAtMs,
    triagedMs,
    nowMs: nowMs + assignIn,
  });
  return t.events;
}

/** The "1+6+N" unit the default routing table gives the case (the tier stays the simulator's own mix). */
function unitOf(
  category: CaseCategory,
  region: { county: string; township: string; village: string },
  flags: RiskFlags,
  atMs: number,
  ruleSet: RuleSetInput,
) {
  const match = suggestRouting(
    DEFAULT_ROUTING_RULES,
    { category, region, riskFlags: flags, atMs },
    ruleSet.calendar.utcOffsetMinutes,
  );
  return { unit: match?.routing.unit ?? 'center' };
}

export { caseEventId } from './case-timeline';
