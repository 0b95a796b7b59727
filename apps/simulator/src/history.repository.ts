import { type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { type OverdueCase } from './history-settle';
import { cameraAnalyticsRow, caseEventRow, EventStoreRepository, type Queryable } from '@fengqiao/db';

/** A detection with the region of its camera (the rollup's key). */
export interface PlacedDetection {
  readonly event: CameraAnalytics;
  readonly county: string;
  readonly township: string;
}

const CHUNK = 20_000;

interface OverdueRow {
  readonly case_id: string;
  readonly channel: CaseEvent['channel'];
  readonly county: string;
  readonly township: string;
  readonly village: string | null;
  readonly grid: string | null;
  readonly due_at: Date;
}

/**
 * The history generator's writes go through the ingest's own event store, so the raw rows and the
 * rollup rows they imply follow exactly the semantics live data gets (and a re-run adds nothing).
 */
export class HistoryRepository {
  private readonly store = new EventStoreRepository();

  async insertCases(db: Queryable, events: readonly CaseEvent[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < events.length; i += CHUNK)
      inserted += await this.store.insertCaseEvents(db, events.slice(i, i + CHUNK).map(caseEventRow));
    return inserted;
  }

  /** As `insertCases`, answering the ids of the events inserted (for the folded projection). */
  async insertCaseIds(db: Queryable, events: readonly CaseEvent[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < events.length; i += CHUNK)
      ids.push(...(await this.store.insertCaseEventIds(db, events.slice(i, i + CHUNK).map(caseEventRow))));
    return ids;
  }

  async insertDetections(db: Queryable, rows: readonly PlacedDetection[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK)
      inserted += await this.store.insertCameraAnalytics(
        db,
        rows
          .slice(i, i + CHUNK)
          .map(({ event, county, township }) => cameraAnalyticsRow(event, { county, township })),
      );
    return inserted;
  }

  /** Open cases of the window whose running clock fell due before its end (the `cases` projection). */
  async overdueCases(db: Queryable, fromMs: number, endMs: number): Promise<OverdueCase[]> {
    const r = await db.query<OverdueRow>(
      `SELECT case_id, channel, county, township, village, grid, due_at FROM cases
       WHERE clock_stopped_at IS NULL AND due_at < $2 AND reported_at >= $1 AND reported_at < $2
         AND state NOT IN ('reported', 'resolved', 'closed')`,
      [new Date(fromMs), new Date(endMs)],
    );
    return r.rows.map((row) => ({
      caseId: row.case_id,
      channel: row.channel,
      region: {
        county: row.county,
        township: row.township,
        ...(row.village === null ? {} : { village: row.village }),
        ...(row.village === null || row.grid === null ? {} : { grid: row.grid }),
      },
      dueAtMs: row.due_at.getTime(),
    }));
  }

  /** Which of these events are stored (each part's marker: parts commit whole). */
  async presentEvents(
    db: Queryable,
    events: readonly { part: 'cases' | 'detections'; eventId: string; occurredAt: string }[],
  ): Promise<Set<string>> {
    const present = new Set<string>();
    for (const [part, table] of [
      ['cases', 'case_events'],
      ['detections', 'camera_analytics_events'],
    ] as const) {
      const of = events.filter((e) => e.part === part);
      if (of.length === 0) continue;
      const r = await db.query<{ id: string }>(
        `SELECT event_id::text AS id FROM ${table}
         WHERE (event_id, occurred_at) IN (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]))`,
        [of.map((e) => e.eventId), of.map((e) => e.occurredAt)],
      );
      for (const row of r.rows) present.add(row.id);
    }
    return present;
  }
}
