import { Injectable } from '@nestjs/common';
import { MEDIA_REPORT_SQL, STREAMING_WINDOW_SECONDS } from '../cameras/nearby-cameras.repository';
import { type Queryable } from '../infra/database';

export interface HotspotRow {
  readonly county: string;
  readonly township: string;
  readonly name: string | null;
  readonly events: number;
  readonly expected: number;
  readonly top_category: string;
}

export interface TownshipCamerasRow {
  readonly county: string;
  readonly township: string;
  readonly total: number;
  readonly online: number;
  readonly streaming: number;
}

/** What the live streams read: hotspots from the hourly rollup, camera counts from the registry. */
@Injectable()
export class LiveSourcesRepository {
  /** The busiest townships of a scope since `since`, with the mean of the 7 windows before it. */
  async hotspots(db: Queryable, since: Date, scope: string | null, limit: number): Promise<HotspotRow[]> {
    const res = await db.query<HotspotRow>(
      `WITH cur AS (
         SELECT county, township, category, sum(events) AS n FROM region_hourly_rollup
         WHERE bucket >= $1 AND ($2::text IS NULL OR county = $2 OR township = $2) GROUP BY 1, 2, 3),
       top AS (
         SELECT county, township, sum(n)::int AS events, (array_agg(category ORDER BY n DESC, category))[1] AS top_category
         FROM cur GROUP BY 1, 2 ORDER BY events DESC, township LIMIT $3),
       base AS (
         SELECT township, sum(events) / 7.0 AS expected FROM region_hourly_rollup
         WHERE township IN (SELECT township FROM top) AND bucket >= $1 - interval '7 days' AND bucket < $1
         GROUP BY 1)
       SELECT top.county, top.township, g.name, top.events, round(coalesce(base.expected, 0), 1)::float8 AS expected,
              top.top_category
       FROM top LEFT JOIN base USING (township) LEFT JOIN regions g ON g.code = top.township
       ORDER BY top.events DESC, top.township`,
      [since, scope, limit],
    );
    return res.rows;
  }

  /** Registry cameras per township: online by their latest state, streaming by the media service. */
  async camerasByTownship(db: Queryable, now: Date): Promise<TownshipCamerasRow[]> {
    const res = await db.query<TownshipCamerasRow>(
      `WITH live AS (
         SELECT DISTINCT ON (e.camera_id) e.camera_id, e.online FROM camera_status_events e
         WHERE e.occurred_at > $1::timestamptz - make_interval(secs => $2) AND e.occurred_at <= $1::timestamptz + interval '1 minute'
           AND ${MEDIA_REPORT_SQL}
         ORDER BY e.camera_id, e.occurred_at DESC)
       SELECT c.county, c.township, count(*)::int AS total, count(*) FILTER (WHERE s.online)::int AS online,
              count(*) FILTER (WHERE live.online)::int AS streaming
       FROM cameras c LEFT JOIN camera_state s USING (camera_id) LEFT JOIN live USING (camera_id)
       GROUP BY 1, 2 ORDER BY 2`,
      [now, STREAMING_WINDOW_SECONDS],
    );
    return res.rows;
  }
}
