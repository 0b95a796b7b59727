import { type CameraAnalytics, type CameraStatus, type CaseEvent } from '@fengqiao/contracts';
import { DEFAULT_CASE_CLOCK } from '@fengqiao/db';
import { Prng, type DemoCity } from '@fengqiao/geo';
import { CameraTraffic, type SimCamera } from './camera-traffic';
import { caseEventId, type CaseClock } from './case-plan';
import { CaseTraffic } from './case-traffic';
import { isActive, parseIncident, type Incident } from './incidents';
import { RegionPicker } from './region-picker';

export interface TrafficOptions {
  readonly seed: number;
  /** How many of the registry's cameras to drive (a seeded subset; default all). */
  readonly cameras?: number;
  /** Divides the real-world delays of a case's life (1 = real time). */
  readonly compress: number;
  /** The active rule set's case clock (libs/db ActiveCaseClockCache); default: the default set's. */
  readonly caseClock?: () => CaseClock;
  /**
   * Each camera's heartbeat period at rate 1: config.tuning.simulator.heartbeatMs (FQ_SIM_HEARTBEAT_MS,
   * whence the ingest's silence window). Needed only by `slot` (the history sends no heartbeats).
   */
  readonly heartbeatMs?: number;
}

export interface SlotTraffic {
  readonly status: CameraStatus[];
  readonly analytics: CameraAnalytics[];
  readonly cases: CaseEvent[];
}

/** Picks `count` cameras of the registry, the same ones for the same seed, in registry order. */
export function simCameras(city: DemoCity, seed: number, count = city.cameras.length): SimCamera[] {
  const urbanGrid = new Set(city.hierarchy.grids.filter((g) => g.urban).map((g) => g.code));
  const all = city.cameras.map((spec, index) => ({ index, spec, urban: urbanGrid.has(spec.region.grid) }));
  if (count >= all.length) return all;
  return Prng.derive(seed, 'camera-subset')
    .shuffle(all)
    .slice(0, count)
    .sort((a, b) => a.index - b.index);
}

/** Everything the simulated city emits in a time slot, plus the incidents injected into it. */
export class TrafficGenerator {
  readonly cameras: CameraTraffic;
  private readonly cases: CaseTraffic;
  private readonly regions: RegionPicker;
  private readonly driven: readonly SimCamera[];
  private incidentList: Incident[] = [];
  private serial = 0;

  constructor(
    city: DemoCity,
    private readonly options: TrafficOptions,
  ) {
    this.driven = simCameras(city, options.seed, options.cameras);
    this.regions = new RegionPicker(city.hierarchy);
    this.cameras = new CameraTraffic(this.driven, options.seed, options.heartbeatMs);
    this.cases = new CaseTraffic(
      this.regions,
      options.seed,
      options.compress,
      options.caseClock ?? (() => DEFAULT_CASE_CLOCK),
    );
  }

  get incidents(): readonly Incident[] {
    return this.incidentList;
  }

  get openCaseEvents(): number {
    return this.cases.backlog;
  }

  /** Starts an incident (`kind[@target]`) at `nowMs`; throws a CliError on a bad spec. */
  inject(spec: string, nowMs: number): Incident {
    const incident = parseIncident(spec, {
      seed: this.options.seed,
      serial: ++this.serial,
      nowMs,
      cameras: this.driven.map((c) => c.spec),
      regions: this.regions,
    });
    this.incidentList.push(incident);
    return incident;
  }

  /** The `reported` event of the last case of [from, to): marks a stored history day as complete. */
  lastReportedIn(
    from: number,
    to: number,
    rate: number,
  ): { eventId: string; occurredAt: string } | undefined {
    const last = this.cases.lastReportedIn(from, to, rate);
    if (last === undefined) return undefined;
    return {
      eventId: caseEventId(last.caseId, 'reported'),
      occurredAt: new Date(last.reportedAtMs).toISOString(),
    };
  }

  /** Every event before `untilMs` of the cases reported in [from, to) (the history's report days). */
  caseLives(from: number, to: number, rate: number, untilMs: number): CaseEvent[] {
    return this.cases.lives(from, to, rate, untilMs);
  }

  /** Carries on the history's cases reported in [from, to) from `sinceMs` (CaseTraffic.carry). */
  carryHistory(from: number, to: number, rate: number, sinceMs: number): number {
    return this.cases.carry(from, to, rate, sinceMs);
  }

  /** The detections of [from, to) (the history's; no incidents). */
  detections(from: number, to: number, rate: number): CameraAnalytics[] {
    return this.cameras.analyticsInSlot(from, to, rate, []);
  }

  /** Detections and case events of [from, to) without heartbeats. */
  backfill(from: number, to: number, rate: number): Omit<SlotTraffic, 'status'> {
    return {
      analytics: this.cameras.analyticsInSlot(from, to, rate, []),
      cases: this.cases.slot(from, to, rate, []),
    };
  }

  slot(from: number, to: number, rate: number): SlotTraffic {
    this.incidentList = this.incidentList.filter((i) => i.endMs > from);
    const active = this.incidentList.filter(
      (i) => isActive(i, from) || (i.startMs >= from && i.startMs < to),
    );
    return {
      status: this.cameras.statusInSlot(from, to, rate, active),
      analytics: this.cameras.analyticsInSlot(from, to, rate, active),
      cases: this.cases.slot(from, to, rate, active),
    };
  }
}
