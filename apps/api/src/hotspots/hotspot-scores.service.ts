import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type HotspotsQuery, type ScoredHotspotsResponse } from '@fengqiao/contracts';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { HotspotScoresRepository } from '@fengqiao/db';
import { topHotspots } from './hotspot-source';

const HOUR_MS = 3_600_000;

/**
 * GET /api/hotspots as the engine judges it: the warning service's top townships with score and
 * factors, counts over the trailing `hours` alongside; counts only (`source: 'counts'`, score null)
 * while the warning service has not scored or has stopped.
 */
@Injectable()
export class HotspotScoresService {
  private readonly repo = new HotspotScoresRepository();

  constructor(
    private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  async top(q: HotspotsQuery): Promise<ScoredHotspotsResponse> {
    const now = this.clock.now();
    const since = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - (q.hours - 1) * HOUR_MS);
    const top = await topHotspots(this.repo, this.db.pool, {
      since,
      scope: q.county ?? null,
      limit: q.limit,
      now,
      staleMs: this.config.tuning.api.hotspotStaleMs,
    });
    return {
      since: since.toISOString(),
      source: top.source,
      computedAt: top.computedAt?.toISOString() ?? null,
      items: top.rows.map((r) => ({
        county: r.county,
        township: r.township,
        name: r.name,
        events: r.events,
        topCategory: r.top_category,
        score: r.score ?? null,
        factors: r.factors ?? [],
      })),
    };
  }
}
