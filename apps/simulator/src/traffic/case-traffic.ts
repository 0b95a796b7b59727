import { type CaseCategory, type CaseEvent } from '@fengqiao/contracts';
import { Prng } from '@fengqiao/geo';
import { disputeVolumeAt } from './calibration';
import { type Incident } from './incidents';
import { MinHeap } from './min-heap';
import { planCase, type CaseClock, type CaseSeed } from './case-plan';
import { type RegionPicker } from './region-picker';
import { DAY_MS, intakeActivity, localDate, localSecondOfDay } from './rhythm';
import { CASES_PER_DAY } from './traffic-model';

const RUN_CASES = 12;
const RUN_EVERY_MS = 150_000;
const RUN_CATEGORIES: readonly CaseCategory[] = ['land-acquisition', 'labour-wages', 'property-housing'];
/** Case numbers 00000-86399 are the local second of the report; incident cases use 86400-99999. */
const FIRST_INCIDENT_NUMBER = 86_400;

const caseIdOf = (county: string, ms: number, n: number): string =>
  `C${county}-${localDate(ms)}-${String(n).padStart(5, '0')}`;

/**
 * New cases following the intake rhythm, each planned over its whole life, and their later events
 * released when due. A case number is the local second of its report, so ids never repeat across
 * runs; two reports in one county within one second keep only the first.
 */
export class CaseTraffic {
  private readonly pending = new MinHeap<{ readonly at: number; readonly event: CaseEvent }>((e) => e.at);

  constructor(
    private readonly regions: RegionPicker,
    private readonly seed: number,
    private readonly compress: number,
    /** Read at each case's planning, so an activation during a run reaches the next cases. */
    private readonly clock: () => CaseClock,
  ) {}

  /** Case events still waiting for their time (open cases). */
  get backlog(): number {
    return this.pending.size;
  }

  slot(from: number, to: number, rate: number, incidents: readonly Incident[]): CaseEvent[] {
    const seeds = [
      ...this.regularCases(from, to, rate),
      ...incidents.flatMap((i) => this.disputeRun(i, from, to)),
    ];
    for (const s of seeds)
      for (const event of this.plan(s)) this.pending.push({ at: Date.parse(event.occurredAt), event });
    return this.pending.popBelow(to).map((p) => p.event);
  }

  /**
   * The whole lives, up to `untilMs`, of the regular cases reported in [from, to), with no state
   * kept: any set of report days the history stores is consistent on its own (no case of a stored
   * day waits for a later day to be resolved).
   */
  lives(from: number, to: number, rate: number, untilMs: number): CaseEvent[] {
    return this.regularCases(from, to, rate).flatMap((s) =>
      this.plan(s).filter((e) => Date.parse(e.occurredAt) < untilMs),
    );
  }

  /**
   * Carries on the history's cases reported in [from, to): their events from `sinceMs` on, at real
   * pace as the history planned them, are released when due like the live cases' (a case the
   * history left open is resolved, not left to fall overdue). The ids are the history's.
   */
  carry(from: number, to: number, rate: number, sinceMs: number): number {
    let carried = 0;
    for (const s of this.regularCases(from, to, rate))
      for (const event of this.plan(s, 1))
        if (Date.parse(event.occurredAt) >= sinceMs) {
          this.pending.push({ at: Date.parse(event.occurredAt), event });
          carried++;
        }
    return carried;
  }

  private plan(s: CaseSeed, compress = this.compress): CaseEvent[] {
    return planCase(s, Prng.derive(this.seed, 'case', s.caseId), compress, this.clock());
  }

  /** The last regular case reported in [from, to) (a pure function of the seed: no state needed). */
  lastReportedIn(from: number, to: number, rate: number): CaseSeed | undefined {
    for (let second = Math.floor((to - 1) / 1000) * 1000; second >= from - 999; second -= 1000) {
      const inRange = this.casesOfSecond(second, rate).filter(
        (c) => c.reportedAtMs >= from && c.reportedAtMs < to,
      );
      const last = inRange.sort((a, b) => a.reportedAtMs - b.reportedAtMs)[inRange.length - 1];
      if (last !== undefined) return last;
    }
    return undefined;
  }

  /** The cases reported in [from, to): those of each whole second overlapping it, then filtered. */
  private regularCases(from: number, to: number, rate: number): CaseSeed[] {
    const out: CaseSeed[] = [];
    for (let second = Math.floor(from / 1000) * 1000; second < to; second += 1000)
      for (const c of this.casesOfSecond(second, rate))
        if (c.reportedAtMs >= from && c.reportedAtMs < to) out.push(c);
    return out;
  }

  /**
   * One second's new cases, drawn from that second's own stream: a slot of any length sees the same
   * cases, and a county's second of the day is its case number, so two in one county keep the first.
   */
  private casesOfSecond(second: number, rate: number): CaseSeed[] {
    const rng = Prng.derive(this.seed, 'cases', second);
    const perSecond = (CASES_PER_DAY * 1000) / DAY_MS;
    const count = rng.poisson(perSecond * rate * intakeActivity(second) * disputeVolumeAt(second));
    const seen = new Set<string>();
    const out: CaseSeed[] = [];
    for (let k = 0; k < count; k++) {
      const place = this.regions.pick(rng);
      const at = second + rng.int(1000);
      const caseId = caseIdOf(place.county.code, at, localSecondOfDay(at));
      if (seen.has(caseId)) continue;
      seen.add(caseId);
      out.push({ caseId, reportedAtMs: at, ...place });
    }
    return out;
  }

  private disputeRun(inc: Incident, from: number, to: number): CaseSeed[] {
    if (inc.kind !== 'dispute-run') return [];
    const out: CaseSeed[] = [];
    const rng = Prng.derive(this.seed, 'dispute-run', inc.serial);
    const category = RUN_CATEGORIES[inc.serial % RUN_CATEGORIES.length];
    for (let k = 0; k < RUN_CASES; k++) {
      const at = inc.startMs + k * RUN_EVERY_MS;
      if (at < from || at >= to) continue;
      const place = this.regions.pick(Prng.derive(this.seed, 'dispute-run', inc.serial, k), inc.target);
      const number =
        FIRST_INCIDENT_NUMBER + ((inc.serial * RUN_CASES + k) % (100_000 - FIRST_INCIDENT_NUMBER));
      out.push({
        caseId: caseIdOf(place.county.code, at, number),
        reportedAtMs: at,
        ...place,
        category,
        riskFlags: { repeatVisits: 1 + rng.int(4), groupPetition: k % 3 === 0, violenceRisk: k % 6 === 5 },
        partiesCount: k % 3 === 0 ? 20 + rng.int(40) : 2 + rng.int(4),
      });
    }
    return out;
  }
}
