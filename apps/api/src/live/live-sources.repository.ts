import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { HotspotScoresRepository } from '@fengqiao/db';
import { MEDIA_REPORT_SQL } from '../cameras/nearby-cameras.repository';
import { topHotspots, type TopHotspots } from '../hotspots/hotspot-source';
import { type Queryable } from '../infra/database';
import { CONFIG } from '../infra/tokens';

export interface TownshipCamerasRow {
  readonly county: string;
  readonly township: string;
  readonly total: number;
  readonly online: number;
  readonly streaming: number;
}

/** What the live streams read: hotspots (engine scores or rollup counts), camera counts from the registry. */
@Injectable()
export class LiveSourcesRepository {
  private readonly scores = new HotspotScoresRepository();

  constructor(@Inject(CONFIG) private readonly config: FengqiaoConfig) {}

  /**
   * The top townships of a scope: the warning service's scored list while it is alive, the busiest
   * by counts since `since` otherwise (said in `source`); counts and the 7-window mean alongside.
   */
  hotspots(
    db: Queryable,
    q: { since: Date; scope: string | null; limit: number; now: Date },
  ): Promise<TopHotspots> {
    return topHotspots(this.scores, db, { ...q, staleMs: this.config.tuning.api.hotspotStaleMs });
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
      [now, this.config.tuning.api.streamingWindowMs / 1000],
    );
    return res.rows;
  }
}
