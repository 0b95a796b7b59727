import { type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { withTransaction, type DbPool } from '@fengqiao/db';
import { type DemoCity } from '@fengqiao/geo';
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
}

/** Local (CST) midnight at or before `ms`. */
export function localMidnight(ms: number): number {
  const offset = 8 * HOUR_MS;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

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
    const gen = new TrafficGenerator(this.city, { seed: options.seed, compress: 1 });
    const start = options.endMs - options.days * DAY_MS;
    const result = { daysWritten: 0, daysSkipped: 0, caseEvents: 0, detections: 0 };
    const t0 = performance.now();
    for (let day = start; day < options.endMs; day += DAY_MS) {
      const { cases, detections } = this.generateDay(gen, day, options.rate);
      const written = await this.writeDay(cases, detections);
      if (written === undefined) result.daysSkipped++;
      else {
        result.daysWritten++;
        result.caseEvents += written.cases;
        result.detections += written.detections;
      }
      const n = (day - start) / DAY_MS + 1;
      this.say(
        `history: day ${n}/${options.days} (${localDate(day)}): ${written === undefined ? 'present, skipped' : `${fmt(written.cases)} case events, ${fmt(written.detections)} detections`} · ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    return result;
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

  /** Writes one day in one transaction; undefined when the day was already complete. */
  private async writeDay(
    cases: readonly CaseEvent[],
    detections: readonly PlacedDetection[],
  ): Promise<{ cases: number; detections: number } | undefined> {
    const last = cases[cases.length - 1];
    if (last !== undefined && (await this.repo.hasCaseEvent(this.pool, last.eventId, last.occurredAt)))
      return undefined;
    return withTransaction(this.pool, async (client) => ({
      cases: await this.repo.insertCases(client, cases),
      detections: await this.repo.insertDetections(client, detections),
    }));
  }
}
