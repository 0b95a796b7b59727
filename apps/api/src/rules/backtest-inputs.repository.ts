import { Injectable } from '@nestjs/common';
import { cameraAnalyticsSchema, cameraStatusSchema, caseEventSchema } from '@fengqiao/contracts';
import { cameraSites, hourlyCounts } from '@fengqiao/db';
import { type CameraSite, type EngineInput, type HourlyCount } from '@fengqiao/rules';
import { type Queryable } from '../infra/database';

/** What a backtest replays: the three stored event streams, merged in time order, capped. */
const EVENTS = `
SELECT kind, event_id, occurred_at, data FROM (
  SELECT 'case' AS kind, event_id, occurred_at, payload AS data FROM case_events
  WHERE occurred_at >= $1 AND occurred_at < $2 AND ($3::text IS NULL OR township LIKE $3 || '%')
  UNION ALL
  SELECT 'analytics', a.event_id, a.occurred_at, jsonb_build_object('cameraId', a.camera_id, 'kind', a.kind,
    'confidence', a.confidence, 'headCount', a.head_count)
  FROM camera_analytics_events a
  WHERE a.occurred_at >= $1 AND a.occurred_at < $2 AND ($3::text IS NULL OR EXISTS (
    SELECT 1 FROM cameras c WHERE c.camera_id = a.camera_id AND c.township LIKE $3 || '%'))
  UNION ALL
  SELECT 'status', s.event_id, s.occurred_at, jsonb_build_object('cameraId', s.camera_id, 'online', s.online,
    'fps', s.fps, 'bitrateKbps', s.bitrate_kbps, 'lastFrameAgeMs', s.last_frame_age_ms)
  FROM camera_status_events s
  WHERE s.occurred_at >= $1 AND s.occurred_at < $2 AND ($3::text IS NULL OR EXISTS (
    SELECT 1 FROM cameras c WHERE c.camera_id = s.camera_id AND c.township LIKE $3 || '%'))
) e ORDER BY occurred_at, event_id LIMIT $4`;

interface EventRow {
  kind: 'case' | 'analytics' | 'status';
  event_id: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

type TimedInput = Extract<EngineInput, { kind: 'case' | 'camera-status' | 'camera-analytics' }>;

/** Stored events, cameras and hourly counts a backtest needs (the last two read as the warning service does). */
@Injectable()
export class BacktestInputsRepository {
  async events(
    db: Queryable,
    range: { from: Date; to: Date; region: string | undefined },
    limit: number,
  ): Promise<TimedInput[]> {
    const r = await db.query<EventRow>(EVENTS, [range.from, range.to, range.region ?? null, limit]);
    return r.rows.flatMap(toInput);
  }

  sites(db: Queryable): Promise<CameraSite[]> {
    return cameraSites(db);
  }

  hourlyCounts(db: Queryable, from: Date, until: Date): Promise<HourlyCount[]> {
    return hourlyCounts(db, from, until);
  }
}

const defined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** Rows are parsed like any input crossing a boundary; one that does not parse is skipped. */
function toInput(row: EventRow): TimedInput[] {
  const base = { eventId: row.event_id, occurredAt: row.occurred_at.toISOString() };
  switch (row.kind) {
    case 'case': {
      const parsed = caseEventSchema.safeParse(row.data);
      return parsed.success ? [{ kind: 'case', event: parsed.data }] : [];
    }
    case 'analytics': {
      const parsed = cameraAnalyticsSchema.safeParse({
        schema: 'camera.analytics.v1',
        ...base,
        ...defined(row.data),
      });
      return parsed.success ? [{ kind: 'camera-analytics', event: parsed.data }] : [];
    }
    case 'status': {
      const parsed = cameraStatusSchema.safeParse({
        schema: 'camera.status.v1',
        ...base,
        ...defined(row.data),
      });
      return parsed.success ? [{ kind: 'camera-status', event: parsed.data }] : [];
    }
  }
}
