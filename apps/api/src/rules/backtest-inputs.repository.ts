import { Injectable } from '@nestjs/common';
import {
  cameraAnalyticsSchema,
  cameraStatusSchema,
  caseEventSchema,
  type SiteType,
} from '@fengqiao/contracts';
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

const HOURLY = `
SELECT bucket, county, township, source, sum(events)::int AS events
FROM region_hourly_rollup WHERE bucket >= $1 AND bucket < $2
GROUP BY bucket, county, township, source`;

interface EventRow {
  kind: 'case' | 'analytics' | 'status';
  event_id: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

type TimedInput = Extract<EngineInput, { kind: 'case' | 'camera-status' | 'camera-analytics' }>;

/** Stored events, cameras and hourly counts a backtest needs; read-only, one query per method. */
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

  async sites(db: Queryable): Promise<CameraSite[]> {
    const r = await db.query<{
      camera_id: string;
      site_type: SiteType;
      county: string;
      township: string;
      grid: string | null;
      lon: number;
      lat: number;
    }>('SELECT camera_id, site_type, county, township, grid, lon, lat FROM cameras');
    return r.rows.map((c) => {
      const site = { cameraId: c.camera_id, county: c.county, township: c.township, siteType: c.site_type };
      const location = { lon: c.lon, lat: c.lat };
      return c.grid === null ? { ...site, location } : { ...site, grid: c.grid, location };
    });
  }

  /** Hourly counts per township and per county (metrics `cases`, `analytics`) for the baselines. */
  async hourlyCounts(db: Queryable, from: Date, until: Date): Promise<HourlyCount[]> {
    const r = await db.query<{
      bucket: Date;
      county: string;
      township: string;
      source: 'case' | 'analytics';
      events: number;
    }>(HOURLY, [from, until]);
    const byCounty = new Map<string, HourlyCount>();
    const out: HourlyCount[] = [];
    for (const row of r.rows) {
      const metric = row.source === 'case' ? 'cases' : 'analytics';
      const hourStartMs = row.bucket.getTime();
      out.push({ region: row.township, metric, hourStartMs, value: row.events });
      const key = `${row.county}|${metric}|${hourStartMs}`;
      const prev = byCounty.get(key);
      byCounty.set(key, { region: row.county, metric, hourStartMs, value: (prev?.value ?? 0) + row.events });
    }
    return [...out, ...byCounty.values()];
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
