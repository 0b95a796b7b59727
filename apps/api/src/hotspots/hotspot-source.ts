import { type HotspotSource } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';
import { type HotspotRow, type HotspotScoresRepository } from '@fengqiao/db';

export interface TopHotspots {
  readonly source: HotspotSource;
  readonly computedAt: Date | null;
  readonly rows: HotspotRow[];
}

/**
 * The engine's list when the warning service is alive (even when nothing is hot: an empty list is
 * a judgement), otherwise the counts, marked as such: a score is never invented.
 */
export async function topHotspots(
  repo: HotspotScoresRepository,
  db: Queryable,
  q: {
    since: Date;
    scope: string | null;
    limit: number;
    now: Date;
    /** config.tuning.api.hotspotStaleMs: checked at load to exceed two warning heartbeats. */
    staleMs: number;
  },
): Promise<TopHotspots> {
  const run = await repo.lastRun(db);
  if (run !== undefined && q.now.getTime() - run.computed_at.getTime() <= q.staleMs) {
    const rows = await repo.engineTop(db, q.since, q.scope, q.limit);
    return { source: 'engine', computedAt: run.computed_at, rows };
  }
  return { source: 'counts', computedAt: null, rows: await repo.countsTop(db, q.since, q.scope, q.limit) };
}
