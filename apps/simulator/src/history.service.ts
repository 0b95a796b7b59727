import { type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { ActiveCaseClockCache, withTransaction, type DbPool } from '@fengqiao/db';
import { cityStartOfDayMs } from '@fengqiao/domain';
import { type DemoCity } from '@fengqiao/geo';
import { settleOverdue } from './history-settle';
import { HistoryRepository, type PlacedDetection } from './history.repository';
import { DAY_MS, HOUR_MS, localDate } from './traffic/rhythm';
import { TrafficGenerator } from './traffic/traffic-generator';

export interface HistoryOptions {
  readonly seed: number;
  /** Days of history before `endMs` (local midnight today by default). */
  readonly days: number;
  readonly rate: number;
  readonly endMs: number;
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

/**
 * Fills the event tables (and through the event store, the rollup) with days of past cases and
 * detections at real-world case delays. Days are generated oldest first, since a case reported on
 * one day resolves on a later one, and each day commits in one transaction: a day whose last event
 * is stored is complete and skipped.
 */
export class HistoryService {
  private readonly repo = new HistoryRepository();
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
    const start = options.endMs - options.days * DAY_MS;
    const days = Array.from({ length: options.days }, (_, i) => start + i * DAY_MS);
    const done = await this.completeDays(gen, days, options.rate);
    const result: { -readonly [K in keyof HistoryResult]: HistoryResult[K] } = {
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
    // Every day is generated, oldest first, even the stored ones: later days carry their cases on.
    for (const [i, day] of days.entries()) {
      const { cases, detections } = this.generateDay(gen, day, options.rate);
      if (done.has(day)) continue;
      const written = await withTransaction(this.pool, async (client) => ({
        cases: await this.repo.insertCases(client, cases),
        detections: await this.repo.insertDetections(client, detections),
      }));
      result.daysWritten++;
      result.caseEvents += written.cases;
      result.detections += written.detections;
      const took = ((performance.now() - t0) / 1000).toFixed(1);
      this.say(
        `history: day ${i + 1}/${days.length} (${localDate(day)}): ${fmt(written.cases)} case events, ${fmt(written.detections)} detections · ${took} s`,
      );
    }
    if (result.daysWritten > 0) result.settled = await this.settle(options.seed, start, options.endMs);
    return result;
  }

  /** Closes the cases already overdue at the end (but a handful), as the live simulator does not carry them on. */
  private async settle(seed: number, startMs: number, endMs: number): Promise<number> {
    const overdue = await this.repo.overdueCases(this.pool, startMs, endMs);
    const events = settleOverdue(overdue, endMs, seed);
    await withTransaction(this.pool, (client) => this.repo.insertCases(client, events));
    const settled = events.length / 2;
    this.say(`history: ${settled} overdue cases closed late, ${overdue.length - settled} left open`);
    return settled;
  }

  /** The days already stored: those whose last reported case is in the table. */
  private async completeDays(
    gen: TrafficGenerator,
    days: readonly number[],
    rate: number,
  ): Promise<Set<number>> {
    const markers = days.flatMap((day) => {
      const m = gen.lastReportedIn(day, day + DAY_MS, rate);
      return m === undefined ? [] : [{ day, ...m }];
    });
    const present = await this.repo.presentCaseEvents(this.pool, markers);
    return new Set(markers.filter((m) => present.has(m.eventId)).map((m) => m.day));
  }

  private generateDay(
    gen: TrafficGenerator,
    day: number,
    rate: number,
  ): { cases: CaseEvent[]; detections: PlacedDetection[] } {
    const cases: CaseEvent[] = [];
    const analytics: CameraAnalytics[] = [];
    for (let h = day; h < day + DAY_MS; h += HOUR_MS) {
      const t = gen.backfill(h, h + HOUR_MS, rate);
      cases.push(...t.cases);
      analytics.push(...t.analytics);
    }
    const seen = new Set<string>();
    const detections: PlacedDetection[] = [];
    for (const event of analytics) {
      const region = this.regionOf.get(event.cameraId);
      if (region === undefined || seen.has(event.eventId)) continue;
      seen.add(event.eventId);
      detections.push({ event, county: region.county, township: region.township });
    }
    return { cases, detections };
  }
}
