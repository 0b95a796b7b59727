import { caseEventSchema, type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { hourlyCounts, type Queryable } from '@fengqiao/db';
import { type HourlyCount } from '@fengqiao/rules';

// Case events a restart must replay: the last day (windows, anomalies) and, further back, those of
// cases still open (service-tier deadlines run up to two months).
const RECENT_CASE_EVENTS = `
SELECT e.payload FROM case_events e
WHERE e.occurred_at >= $1 AND (e.occurred_at >= $2 OR NOT EXISTS (
  SELECT 1 FROM case_events c WHERE c.case_id = e.case_id AND c.type IN ('resolved', 'closed') AND c.occurred_at >= $1))
ORDER BY e.occurred_at, e.event_id`;

const RECENT_ANALYTICS = `
SELECT event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref
FROM camera_analytics_events WHERE occurred_at >= $1 ORDER BY occurred_at, event_id`;

interface AnalyticsRow {
  event_id: string;
  occurred_at: Date;
  camera_id: string;
  kind: CameraAnalytics['kind'];
  confidence: number;
  head_count: number | null;
  snapshot_ref: string | null;
}

/** Stored events and rollups, read once at start-up to rebuild the engine's memory. */
export class HistoryRepository {
  async caseEvents(db: Queryable, openSince: Date, allSince: Date): Promise<CaseEvent[]> {
    const r = await db.query<{ payload: unknown }>(RECENT_CASE_EVENTS, [openSince, allSince]);
    return r.rows.flatMap((row) => {
      const parsed = caseEventSchema.safeParse(row.payload);
      return parsed.success ? [parsed.data] : [];
    });
  }

  async analytics(db: Queryable, since: Date): Promise<CameraAnalytics[]> {
    const r = await db.query<AnalyticsRow>(RECENT_ANALYTICS, [since]);
    return r.rows.map((a) => {
      const e: CameraAnalytics = {
        schema: 'camera.analytics.v1',
        eventId: a.event_id,
        occurredAt: a.occurred_at.toISOString(),
        cameraId: a.camera_id,
        kind: a.kind,
        confidence: a.confidence,
      };
      if (a.head_count !== null) e.headCount = a.head_count;
      if (a.snapshot_ref !== null) e.snapshotRef = a.snapshot_ref;
      return e;
    });
  }

  /** Hourly counts per township and per county, metric `cases` or `analytics`, for the baselines. */
  hourlyCounts(db: Queryable, from: Date, until: Date): Promise<HourlyCount[]> {
    return hourlyCounts(db, from, until);
  }
}
