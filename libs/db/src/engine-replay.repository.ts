import { caseEventSchema, type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { FINISHING_STEPS } from '@fengqiao/domain';
import { type Queryable } from './transaction';

// What the warning engine replays at start-up to rebuild its memory (decision 0014), read from the
// event tables ingest writes and the camera state it keeps.

// The last day (windows, anomalies) and, further back, the events of cases still open (service-tier
// deadlines run up to two months). "Finished" is the domain's FINISHING_STEPS, passed as $3.
const RECENT_CASE_EVENTS = `
SELECT e.payload FROM case_events e
WHERE e.occurred_at >= $1 AND (e.occurred_at >= $2 OR NOT EXISTS (
  SELECT 1 FROM case_events c WHERE c.case_id = e.case_id AND c.type = ANY($3::text[]) AND c.occurred_at >= $1))
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

/** Case events since `openSince` of cases not finished by then, and all since `allSince`. */
export async function replayCaseEvents(db: Queryable, openSince: Date, allSince: Date): Promise<CaseEvent[]> {
  const r = await db.query<{ payload: unknown }>(RECENT_CASE_EVENTS, [openSince, allSince, FINISHING_STEPS]);
  return r.rows.flatMap((row) => {
    const parsed = caseEventSchema.safeParse(row.payload);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Camera analytics events since `since`, oldest first. */
export async function recentAnalytics(db: Queryable, since: Date): Promise<CameraAnalytics[]> {
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

/** Cameras whose last reported state is offline, with when they went dark. */
export async function offlineCameras(db: Queryable): Promise<{ cameraId: string; since: Date }[]> {
  const r = await db.query<{ camera_id: string; changed_at: Date }>(
    'SELECT camera_id, changed_at FROM camera_state WHERE NOT online ORDER BY camera_id',
  );
  return r.rows.map((row) => ({ cameraId: row.camera_id, since: row.changed_at }));
}
