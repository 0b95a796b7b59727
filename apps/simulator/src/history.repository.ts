import { type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import {
  EventStoreRepository,
  type CameraAnalyticsRow,
  type CaseEventRow,
  type Queryable,
} from '@fengqiao/db';

/** A detection with the region of its camera (the rollup's key). */
export interface PlacedDetection {
  readonly event: CameraAnalytics;
  readonly county: string;
  readonly township: string;
}

function caseRow(e: CaseEvent): CaseEventRow {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    caseId: e.caseId,
    type: e.type,
    channel: e.channel,
    county: e.region.county,
    township: e.region.township,
    village: e.region.village ?? null,
    grid: e.region.grid ?? null,
    category: e.type === 'reported' || e.type === 'triaged' ? e.category : null,
    tier: e.type === 'triaged' ? e.tier : null,
    payload: JSON.stringify(e),
  };
}

function detectionRow({ event: e, county, township }: PlacedDetection): CameraAnalyticsRow {
  return {
    eventId: e.eventId,
    occurredAt: e.occurredAt,
    cameraId: e.cameraId,
    kind: e.kind,
    confidence: e.confidence,
    headCount: e.headCount ?? null,
    snapshotRef: e.snapshotRef ?? null,
    county,
    township,
  };
}

const CHUNK = 20_000;

/**
 * The history generator's writes go through the ingest's own event store, so the raw rows and the
 * rollup rows they imply follow exactly the semantics live data gets (and a re-run adds nothing).
 */
export class HistoryRepository {
  private readonly store = new EventStoreRepository();

  async insertCases(db: Queryable, events: readonly CaseEvent[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < events.length; i += CHUNK)
      inserted += await this.store.insertCaseEvents(db, events.slice(i, i + CHUNK).map(caseRow));
    return inserted;
  }

  async insertDetections(db: Queryable, rows: readonly PlacedDetection[]): Promise<number> {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += CHUNK)
      inserted += await this.store.insertCameraAnalytics(db, rows.slice(i, i + CHUNK).map(detectionRow));
    return inserted;
  }

  /** Which of these case events are stored (each day's marker: days commit whole). */
  async presentCaseEvents(
    db: Queryable,
    events: readonly { eventId: string; occurredAt: string }[],
  ): Promise<Set<string>> {
    const r = await db.query<{ id: string }>(
      `SELECT event_id::text AS id FROM case_events
       WHERE (event_id, occurred_at) IN (SELECT * FROM unnest($1::uuid[], $2::timestamptz[]))`,
      [events.map((e) => e.eventId), events.map((e) => e.occurredAt)],
    );
    return new Set(r.rows.map((row) => row.id));
  }
}
