import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type StreamState } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { STREAM_STATE_SQL, liveStreamsCte } from './stream-state.sql';

export interface CameraFilter {
  readonly q: string | null;
  readonly county: string | null;
  readonly township: string | null;
  readonly siteType: string | null;
  readonly online: boolean | null;
  readonly streamState: StreamState | null;
  readonly after: string | null;
  readonly limit: number;
}

export interface CameraRow {
  readonly camera_id: string;
  readonly name: string;
  readonly site_type: string;
  readonly county: string;
  readonly township: string;
  readonly lon: number;
  readonly lat: number;
  readonly online: boolean | null;
  readonly changed_at: Date | null;
  readonly stream_state: StreamState;
  /** The prober's last sample (jsonb) and when it was taken; null until sampled. */
  readonly health?: unknown;
  readonly health_at?: Date | null;
}

/** LIKE wildcards in user text are literal. */
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CamerasRepository {
  constructor(@Inject(CONFIG) private readonly config: FengqiaoConfig) {}

  /**
   * Keyset pages by camera id; a camera never heard from has online = null. Filtering on streaming
   * drives the query from the few live streams (an inner join) instead of walking all 31,000 cameras.
   */
  async search(db: Queryable, f: CameraFilter, now: Date): Promise<CameraRow[]> {
    const res = await db.query<CameraRow>(
      `WITH ${liveStreamsCte('$8', '$9')}
       SELECT c.camera_id, c.name, c.site_type, c.county, c.township, c.lon, c.lat, s.online, s.changed_at,
              ${STREAM_STATE_SQL} AS stream_state, s.health, s.health_at
       FROM cameras c LEFT JOIN camera_state s USING (camera_id)
       ${f.streamState === 'streaming' ? 'JOIN live ON live.camera_id = c.camera_id AND live.streaming' : 'LEFT JOIN live USING (camera_id)'}
       WHERE ($1::text IS NULL OR c.camera_id LIKE $1 || '%' OR c.name ILIKE '%' || $1 || '%')
         AND ($2::text IS NULL OR c.county = $2) AND ($3::text IS NULL OR c.township = $3)
         AND ($4::text IS NULL OR c.site_type = $4) AND ($5::boolean IS NULL OR coalesce(s.online, false) = $5)
         AND ($6::text IS NULL OR c.camera_id > $6) AND ($10::text IS NULL OR ${STREAM_STATE_SQL} = $10)
       ORDER BY c.camera_id LIMIT $7`,
      [
        f.q === null ? null : escapeLike(f.q),
        f.county,
        f.township,
        f.siteType,
        f.online,
        f.after,
        f.limit,
        now,
        this.config.tuning.api.streamingWindowMs / 1000,
        f.streamState,
      ],
    );
    return res.rows;
  }

  async statusByRegion(
    db: Queryable,
    county: string | null,
  ): Promise<{ region: string; total: number; online: number }[]> {
    const res = await db.query<{ region: string; total: number; online: number }>(
      `SELECT CASE WHEN $1::text IS NULL THEN c.county ELSE c.township END AS region,
              count(*)::int AS total, count(*) FILTER (WHERE s.online)::int AS online
       FROM cameras c LEFT JOIN camera_state s USING (camera_id)
       WHERE $1::text IS NULL OR c.county = $1 GROUP BY 1 ORDER BY 1`,
      [county],
    );
    return res.rows;
  }
}
