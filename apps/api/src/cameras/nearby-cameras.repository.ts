import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type Queryable } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { type CameraRow } from './cameras.repository';
import { STREAM_STATE_SQL, liveStreamsCte } from './stream-state.sql';

/** A camera row (the search's) and its distance from the origin. */
export interface NearbyCameraRow extends CameraRow {
  readonly distance_m: number;
}

export interface AlertOriginRow {
  readonly county: string;
  readonly township: string | null;
  readonly lon: number | null;
  readonly lat: number | null;
  readonly centroid_lon: number | null;
  readonly centroid_lat: number | null;
}

// Kept here too: the live aggregate imports them from this file.
export { MEDIA_REPORT_SQL } from './stream-state.sql';

const HAVERSINE_M = `2 * 6371008.8 * asin(sqrt(power(sin(radians(c.lat - $2) / 2), 2)
  + cos(radians($2)) * cos(radians(c.lat)) * power(sin(radians(c.lon - $1) / 2), 2)))`;

@Injectable()
export class NearbyCamerasRepository {
  constructor(@Inject(CONFIG) private readonly config: FengqiaoConfig) {}

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
      `WITH ${liveStreamsCte('$5', '$6')}, cand AS (
         SELECT c.camera_id, c.name, c.site_type, c.county, c.township, c.lon, c.lat, (${HAVERSINE_M}) AS distance_m
         FROM cameras c ORDER BY fq_camera_pos(c.lon, c.lat) <-> fq_camera_pos($1, $2) LIMIT $3 * 4)
       SELECT cand.*, s.online, s.changed_at, ${STREAM_STATE_SQL} AS stream_state, s.health, s.health_at
       FROM cand LEFT JOIN camera_state s USING (camera_id) LEFT JOIN live USING (camera_id)
       WHERE cand.distance_m <= $4
       ORDER BY cand.distance_m, cand.camera_id LIMIT $3`,
      [at.lon, at.lat, k, radiusM, now, this.config.tuning.api.streamingWindowMs / 1000],
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
