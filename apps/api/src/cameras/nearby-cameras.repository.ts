import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';

export interface NearbyCameraRow {
  readonly camera_id: string;
  readonly name: string;
  readonly site_type: string;
  readonly county: string;
  readonly township: string;
  readonly lon: number;
  readonly lat: number;
  readonly distance_m: number;
  readonly online: boolean | null;
  readonly changed_at: Date | null;
  /** The latest media-service report within the window said publishing (null: no such report). */
  readonly streaming: boolean | null;
}

export interface AlertOriginRow {
  readonly county: string;
  readonly township: string | null;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly centroid_lon: number | null;
  readonly centroid_lat: number | null;
}

/**
 * The media service reports a publish, an unpublish and a heartbeat every 30 s; three missed
 * heartbeats and the stream no longer counts as live.
 */
export const STREAMING_WINDOW_SECONDS = 90;

/**
 * Media-service reports among the camera status events. camera.status.v1 carries no source; the
 * media service is the only reporter that says lastFrameAgeMs 0 when up (it sees the frames) and
 * omits it when down. See docs/decisions/0007.
 */
export const MEDIA_REPORT_SQL = `((e.online AND e.last_frame_age_ms = 0) OR (NOT e.online AND e.last_frame_age_ms IS NULL))`;

const HAVERSINE_M = `2 * 6371008.8 * asin(sqrt(power(sin(radians(c.lat - $2) / 2), 2)
  + cos(radians($2)) * cos(radians(c.lat)) * power(sin(radians(c.lon - $1) / 2), 2)))`;

@Injectable()
export class NearbyCamerasRepository {
  /**
   * The k nearest within the radius: the KNN index orders by an equal-axis planar distance (good to
   * well under 1% here); 4k candidates are re-ranked by the great-circle distance.
   */
  async nearest(
    db: Queryable,
    at: { lon: number; lat: number },
    k: number,
    radiusM: number,
    now: Date,
  ): Promise<NearbyCameraRow[]> {
    const res = await db.query<NearbyCameraRow>(
      `WITH cand AS (
         SELECT c.camera_id, c.name, c.site_type, c.county, c.township, c.lon, c.lat, (${HAVERSINE_M}) AS distance_m
         FROM cameras c ORDER BY fq_camera_pos(c.lon, c.lat) <-> fq_camera_pos($1, $2) LIMIT $3 * 4)
       SELECT cand.*, s.online, s.changed_at, m.streaming
       FROM cand LEFT JOIN camera_state s USING (camera_id)
       LEFT JOIN LATERAL (
         SELECT e.online AS streaming FROM camera_status_events e
         WHERE e.camera_id = cand.camera_id AND e.occurred_at > $5::timestamptz - make_interval(secs => $6)
           AND e.occurred_at <= $5::timestamptz + interval '1 minute' AND ${MEDIA_REPORT_SQL}
         ORDER BY e.occurred_at DESC LIMIT 1) m ON true
       WHERE cand.distance_m <= $4
       ORDER BY cand.distance_m, cand.camera_id LIMIT $3`,
      [at.lon, at.lat, k, radiusM, now, STREAMING_WINDOW_SECONDS],
    );
    return res.rows;
  }

  /** Where an alert is: its own location, and the centre of its township (or county) as a fallback. */
  async alertOrigin(db: Queryable, alertId: string): Promise<AlertOriginRow | undefined> {
    const res = await db.query<AlertOriginRow>(
      `SELECT a.county, a.township, a.lon, a.lat, g.lon AS centroid_lon, g.lat AS centroid_lat
       FROM alerts a LEFT JOIN regions g ON g.code = coalesce(a.township, a.county)
       WHERE a.alert_id = $1`,
      [alertId],
    );
    return res.rows[0];
  }
}
