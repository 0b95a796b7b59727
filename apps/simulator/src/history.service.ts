import { type CaseEvent } from '@fengqiao/contracts';
import { ActiveCaseClockCache, CaseProjectionRepository, withTransaction, type DbPool } from '@fengqiao/db';
import { cityStartOfDayMs } from '@fengqiao/domain';
import { type DemoCity } from '@fengqiao/geo';
import { FIRST_STEP_DAYS, historyDays, YEAR_AGO_DAYS, type HistoryDay } from './history-plan';
import { settleOverdue } from './history-settle';
import { HistoryRepository, type PlacedDetection } from './history.repository';
import { DAY_MS, localDate } from './traffic/rhythm';
import { TrafficGenerator } from './traffic/traffic-generator';

export interface HistoryOptions {
  readonly seed: number;
  /** Days of history before `endMs` (local midnight today by default). */
  readonly days: number;
  readonly rate: number;
  readonly endMs: number;
  /** Days of the first step (default FIRST_STEP_DAYS): after it every wall tile has a value. */
  readonly firstDays?: number;
  /** Report days a year earlier (default YEAR_AGO_DAYS; 0: none, no year-on-year figures). */
  readonly yearAgoDays?: number;
}

export interface HistoryResult {
  readonly daysWritten: number;
  readonly daysSkipped: number;
  readonly caseEvents: number;
  readonly detections: number;
  /** Cases already overdue at the end that were closed late (all but a handful). */
  readonly settled?: number;
}

/** Local (CST) midnight at or before `ms`. */
export const localMidnight = cityStartOfDayMs;

const fmt = (n: number): string => n.toLocaleString('en-US');
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const keyOf = (d: HistoryDay): string => `${d.part}/${d.day}`;

/**
 * Fills the event tables (and through the event store, the rollup and the cases projection) with
 * report days of past cases, each case's whole life up to the end, and the detections of the
 * recent days. Newest days first, in a first step of a few days and the rest behind it; each day
 * commits in one transaction: a day whose last reported case is stored is complete and skipped.
 */
export class HistoryService {
  private readonly repo = new HistoryRepository();
  private readonly projection = new CaseProjectionRepository();
  private readonly regionOf: Map<string, { county: string; township: string }>;

  constructor(
    private readonly pool: DbPool,
    private readonly city: DemoCity,
    private readonly say: (line: string) => void,
  ) {
    this.regionOf = new Map(city.cameras.map((c) => [c.cameraId, c.region]));
  }

  async run(options: HistoryOptions): Promise<HistoryResult> {
    // Deadlines of the rule set active now, as the API stamps them (one version for the whole run).
    const clock = await new ActiveCaseClockCache(this.pool).refresh();
    const gen = new TrafficGenerator(this.city, { seed: options.seed, compress: 1, caseClock: () => clock });
    const firstDays = options.firstDays ?? FIRST_STEP_DAYS;
    const days = historyDays({ ...options, firstDays, yearAgoDays: options.yearAgoDays ?? YEAR_AGO_DAYS });
    const firstStep = days.filter((d) => d.part === 'cases' && d.back <= firstDays).length;
    const done = await this.completeDays(gen, days, options.rate);
    const result: Mutable<HistoryResult> = {
      daysWritten: 0,
      daysSkipped: done.size,
      caseEvents: 0,
      detections: 0,
    };
    if (done.size === days.length) {
      this.say(`history: all ${days.length} days present, skipped`);
      return result;
    }
    const t0 = performance.now();
    const took = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;
    const start = options.endMs - options.days * DAY_MS;
    let first = true;
    for (const [i, d] of days.entries()) {
      if (first && i >= firstStep) {
        first = false;
        if (result.daysWritten > 0) {
          await this.settle(options.seed, start, options.endMs);
          this.say(
            `history: first step done in ${took()} (the last ${firstDays} days and a year earlier); the rest follows`,
          );
        }
      }
      if (done.has(keyOf(d))) continue;
      const written = await this.writeDay(gen, d, options);
      result.daysWritten++;
      result.caseEvents += written.cases;
      result.detections += written.detections;
      this.say(
        `history: ${i + 1}/${days.length} ${d.part} of ${localDate(d.day)}${d.yearAgo ? ' (a year earlier)' : ''}: ` +
          `${fmt(written.cases)} case events, ${fmt(written.detections)} detections · ${took()}`,
      );
    }
    if (result.daysWritten > 0) result.settled = await this.settle(options.seed, start, options.endMs);
    return result;
  }

  private async writeDay(
    gen: TrafficGenerator,
    d: HistoryDay,
    o: HistoryOptions,
  ): Promise<{ cases: number; detections: number }> {
    const cases = d.part === 'cases' ? gen.caseLives(d.day, d.day + DAY_MS, o.rate, o.endMs) : [];
    const detections = d.part === 'detections' ? this.place(gen, d.day, d.day + DAY_MS, o.rate) : [];
    // A day's cases are whole lives: the projection folds each case's events into one write.
    return withTransaction(this.pool, async (client) => ({
      cases: await this.projection.folded(client, cases, () => this.repo.insertCaseIds(client, cases)),
      detections: await this.repo.insertDetections(client, detections),
    }));
  }

  /** Closes the cases already overdue at the end (but a handful), as the live simulator does not carry them on. */
  private async settle(seed: number, startMs: number, endMs: number): Promise<number> {
    const overdue = await this.repo.overdueCases(this.pool, startMs, endMs);
    const events: CaseEvent[] = settleOverdue(overdue, endMs, seed);
    await withTransaction(this.pool, (client) => this.repo.insertCases(client, events));
    const settled = events.length / 2;
    this.say(`history: ${settled} overdue cases closed late, ${overdue.length - settled} left open`);
    return settled;
  }

  /**
   * The parts already stored: a day's cases when its last reported case is in the table, its
   * detections when its last detection is (each part commits in one transaction).
   */
  private async completeDays(
    gen: TrafficGenerator,
    days: readonly HistoryDay[],
    rate: number,
  ): Promise<Set<string>> {
    const markers = days.flatMap((d) => {
      const m =
        d.part === 'cases'
          ? gen.lastReportedIn(d.day, d.day + DAY_MS, rate)
          : // The same one-day slot as the write: detections are drawn per slot.
            this.place(gen, d.day, d.day + DAY_MS, rate)
              .map(({ event }) => event)
              .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
              .at(-1);
      return m === undefined
        ? []
        : [{ key: keyOf(d), part: d.part, eventId: m.eventId, occurredAt: m.occurredAt }];
    });
    const present = await this.repo.presentEvents(this.pool, markers);
    return new Set(markers.filter((m) => present.has(m.eventId)).map((m) => m.key));
  }

  private place(gen: TrafficGenerator, from: number, to: number, rate: number): PlacedDetection[] {
    const seen = new Set<string>();
    const out: PlacedDetection[] = [];
    for (const event of gen.detections(from, to, rate)) {
      const region = this.regionOf.get(event.cameraId);
      if (region === undefined || seen.has(event.eventId)) continue;
      seen.add(event.eventId);
      out.push({ event, county: region.county, township: region.township });
    }
    return out;
  }
}
