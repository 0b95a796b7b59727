import {
  type CaseCategory,
  type CaseEvent,
  type PartyPersonalData,
  type RiskFlags,
  type ServiceTier,
} from '@fengqiao/contracts';
import { type Prng, type Region } from '@fengqiao/geo';
import { uuidV5 } from '../uuid-v5';
import { HOUR_MS } from './rhythm';
import {
  CATEGORY_MIX,
  CHANNEL_MIX,
  DEPARTMENT_OF,
  GIVEN_CHARS,
  SUMMARIES,
  SURNAMES,
  TIER_MIX,
  categoryAt,
  channelAt,
  tierAt,
} from './traffic-model';

const MIN = 60_000;
const DAY = 24 * HOUR_MS;

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

/** Real-world durations (ms) from assignment to resolution, by tier: the service-tier promises. */
const RESOLVE_RANGE: Readonly<Record<ServiceTier, readonly [number, number]>> = {
  consultation: [MIN, 15 * MIN],
  simple: [HOUR_MS, 8 * HOUR_MS],
  general: [DAY, 5 * DAY],
  complex: [5 * DAY, 60 * DAY],
  major: [20 * DAY, 90 * DAY],
};

function personOf(rng: Prng, countyCode: string): PartyPersonalData {
  const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN_CHARS)}${rng.next() < 0.6 ? rng.pick(GIVEN_CHARS) : ''}`;
  const phone = `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(1e9)).padStart(9, '0')}`;
  return rng.next() < 0.5 ? { name, phone } : { name, phone, idNumber: idNumberOf(rng, countyCode) };
}

/** A synthetic resident ID number with a valid GB 11643 check digit (never a real person's). */
function idNumberOf(rng: Prng, countyCode: string): string {
  const birth = new Date(Date.UTC(1950 + rng.int(55), rng.int(12), 1 + rng.int(28)))
    .toISOString()
    .slice(0, 10);
  const body = `${countyCode}${birth.replace(/-/g, '')}${String(rng.int(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * (weights[i] ?? 0), 0);
  return `${body}${'10X98765432'[sum % 11]}`;
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

type Body = Record<string, unknown> & { type: CaseEvent['type'] };

/** The id of the n-th (from 0) event of a type in a case's life: derived from the case, never random. */
export function caseEventId(caseId: string, type: CaseEvent['type'], n = 0): string {
  return uuidV5(`case/${caseId}/${type}/${n}`);
}

/** Appends a case's events one delay after another; ids come from (case, type, occurrence). */
class CaseTimeline {
  readonly events: CaseEvent[] = [];
  private at: number;

  constructor(
    private readonly base: Pick<CaseEvent, 'schema' | 'caseId' | 'channel' | 'region'>,
    startMs: number,
    private readonly compress: number,
  ) {
    this.at = startMs;
  }

  /** The first event happens at the start itself; each later one `delayMs / compress` after the last. */
  push(delayMs: number, body: Body): void {
    if (this.events.length > 0) this.at += Math.max(1, Math.round(delayMs / this.compress));
    const n = this.events.filter((e) => e.type === body.type).length;
    const eventId = caseEventId(this.base.caseId, body.type, n);
    this.events.push({
      ...this.base,
      ...body,
      eventId,
      occurredAt: new Date(this.at).toISOString(),
    } as CaseEvent);
  }
}

/** Triage within one working day (a few late); a consultation is routed on the spot. */
function triageDelay(rng: Prng, tier: ServiceTier): number {
  if (tier === 'consultation') return rng.range(1, 5) * MIN;
  return rng.next() < 0.05 ? rng.range(8, 30) * HOUR_MS : rng.range(10 * MIN, 8 * HOUR_MS);
}

/** Resolution per the tier's promise (6% late), escalated first for major and violent complex cases. */
function resolve(t: CaseTimeline, rng: Prng, tier: ServiceTier, flags: RiskFlags): void {
  const [lo, hi] = RESOLVE_RANGE[tier];
  const resolveIn = rng.next() < 0.06 ? hi * rng.range(1.05, 1.6) : rng.range(lo, hi);
  if (tier === 'major' || (tier === 'complex' && flags.violenceRisk)) {
    const toLevel = tier === 'major' ? 'county' : 'township';
    t.push(resolveIn * 0.2, { type: 'escalated', toLevel, reason: '涉及多方利益，需上级统筹协调' });
    t.push(resolveIn * 0.8, resolutionOf(rng));
  } else t.push(resolveIn, resolutionOf(rng));
  t.push(rng.range(HOUR_MS, 2 * DAY), { type: 'closed', satisfaction: satisfactionOf(rng) });
  if (rng.next() < 0.02) {
    t.push(rng.range(DAY, 10 * DAY), { type: 'reopened', reason: '当事人对调处结果有异议，申请复查' });
    t.push(rng.range(lo, hi), resolutionOf(rng));
    t.push(rng.range(HOUR_MS, DAY), { type: 'closed', satisfaction: satisfactionOf(rng) });
  }
}

/**
 * The whole life of one case, decided up front from its own random stream: reported → triaged
 * (within one working day) → assigned → [escalated] → resolved (per the tier's promise, a few late)
 * → closed with a satisfaction score, occasionally reopened. Delays are divided by `compress`.
 */
export function planCase(seed: CaseSeed, rng: Prng, compress: number): CaseEvent[] {
  const tier = tierAt(rng.weighted(TIER_MIX));
  const category = seed.category ?? categoryAt(rng.weighted(CATEGORY_MIX));
  const flags = flagsOf(rng, tier, category, seed.riskFlags);
  const parties = flags.groupPetition ? 8 + rng.int(60) : 1 + rng.int(3);
  const partiesCount = seed.partiesCount ?? parties;
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
  t.push(0, {
    type: 'reported',
    category,
    summary: rng.pick(SUMMARIES[category]),
    location: seed.grid.centre,
    partiesCount,
    riskFlags: flags,
    parties: Array.from({ length: Math.min(partiesCount, 3) }, () => personOf(rng, seed.county.code)),
  });
  t.push(triageDelay(rng, tier), { type: 'triaged', category, tier, department });
  const assignee = `调解员${String(1 + rng.int(400)).padStart(3, '0')}号`;
  t.push(tier === 'consultation' ? MIN : rng.range(5, 120) * MIN, { type: 'assigned', department, assignee });
  resolve(t, rng, tier, flags);
  return t.events;
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
