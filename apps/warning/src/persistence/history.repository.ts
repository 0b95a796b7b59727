import { type CameraAnalytics, type CaseEvent } from '@fengqiao/contracts';
import { hourlyCounts, recentAnalytics, replayCaseEvents, type Queryable } from '@fengqiao/db';
import { type HourlyCount } from '@fengqiao/rules';

/**
 * Stored events and rollups, read once at start-up to rebuild the engine's memory. The SQL lives
 * with the tables' owner, libs/db (`engine-replay.repository.ts`, `engine-inputs.repository.ts`).
 */
export class HistoryRepository {
  /** The last day's case events, and further back those of cases still open (deadlines run long). */
  caseEvents(db: Queryable, openSince: Date, allSince: Date): Promise<CaseEvent[]> {
    return replayCaseEvents(db, openSince, allSince);
  }

  analytics(db: Queryable, since: Date): Promise<CameraAnalytics[]> {
    return recentAnalytics(db, since);
  }

  /** Hourly counts per township and per county, metric `cases` or `analytics`, for the baselines. */
  hourlyCounts(db: Queryable, from: Date, until: Date): Promise<HourlyCount[]> {
    return hourlyCounts(db, from, until);
  }
}
