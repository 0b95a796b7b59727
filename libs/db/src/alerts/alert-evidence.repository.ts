import {
  type AlertEvidenceCaseEvent,
  type AlertEvidenceEvent,
  type AnalyticsKind,
  type CaseCategory,
} from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

interface EvidenceRow {
  readonly event_id: string;
  readonly occurred_at: Date;
  readonly camera_id: string;
  readonly camera_name: string | null;
  readonly kind: string;
  readonly confidence: number;
  readonly head_count: number | null;
  readonly snapshot_ref: string | null;
}

/** Most evidence events an alert's detail shows (the contract's cap). */
export const EVIDENCE_SHOWN = 20;

// Bounded in time, so the hypertable reads only the chunks of the alert's window: evidence is what
// the rule counted before the alert was raised (a day covers every window of the rule sets) and up
// to its last update (a red alert that keeps growing adds evidence).
const CAMERA_EVIDENCE = `SELECT e.event_id, e.occurred_at, e.camera_id, c.name AS camera_name, e.kind, e.confidence,
       e.head_count, e.snapshot_ref
FROM camera_analytics_events e LEFT JOIN cameras c ON c.camera_id = e.camera_id
WHERE e.event_id = ANY($1::uuid[])
  AND e.occurred_at >= $2::timestamptz - interval '1 day' AND e.occurred_at <= $3::timestamptz + interval '1 minute'
ORDER BY e.occurred_at DESC, e.event_id
LIMIT ${EVIDENCE_SHOWN}`;

interface CaseEvidenceRow {
  readonly event_id: string;
  readonly occurred_at: Date;
  readonly case_id: string;
  readonly type: AlertEvidenceCaseEvent['type'];
  readonly county: string;
  readonly township: string;
  readonly category: string | null;
}

// A case event is evidence of a case rule: a window rule's or a deadline's, whose case may have been
// reported up to its tier's promise (61 calendar days at most) before the alert. Only the columns a
// person may read anywhere: never the payload (summary, parties, free text).
const CASE_EVIDENCE = `SELECT event_id, occurred_at, case_id, type, county, township, category
FROM case_events
WHERE event_id = ANY($1::uuid[])
  AND occurred_at >= $2::timestamptz - interval '120 days' AND occurred_at <= $3::timestamptz + interval '1 minute'
ORDER BY occurred_at DESC, event_id
LIMIT ${EVIDENCE_SHOWN}`;

/** The camera analytics events an alert names as its evidence, with the camera's name. */
export class AlertEvidenceEvents {
  async cameraEvents(
    db: Queryable,
    eventIds: readonly string[],
    raisedAt: string,
    updatedAt: string,
  ): Promise<AlertEvidenceEvent[]> {
    if (eventIds.length === 0) return [];
    const rows = await db.query<EvidenceRow>(CAMERA_EVIDENCE, [eventIds, raisedAt, updatedAt]);
    return rows.rows.map((r) => ({
      eventId: r.event_id,
      occurredAt: r.occurred_at.toISOString(),
      cameraId: r.camera_id,
      ...(r.camera_name === null ? {} : { cameraName: r.camera_name }),
      kind: r.kind as AnalyticsKind,
      confidence: Math.round(r.confidence * 1000) / 1000,
      ...(r.head_count === null ? {} : { headCount: r.head_count }),
      ...(r.snapshot_ref === null ? {} : { snapshotRef: r.snapshot_ref }),
    }));
  }

  /** The case events an alert names as its evidence: case, kind, time and place, nothing personal. */
  async caseEvents(
    db: Queryable,
    eventIds: readonly string[],
    raisedAt: string,
    updatedAt: string,
  ): Promise<AlertEvidenceCaseEvent[]> {
    if (eventIds.length === 0) return [];
    const rows = await db.query<CaseEvidenceRow>(CASE_EVIDENCE, [eventIds, raisedAt, updatedAt]);
    return rows.rows.map((r) => ({
      eventId: r.event_id,
      occurredAt: r.occurred_at.toISOString(),
      caseId: r.case_id,
      type: r.type,
      county: r.county,
      township: r.township,
      ...(r.category === null ? {} : { category: r.category as CaseCategory }),
    }));
  }
}
