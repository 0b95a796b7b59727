import { Inject, Injectable } from '@nestjs/common';
import {
  type BreakdownQuery,
  type BreakdownResponse,
  type HotspotsQuery,
  type ScoredHotspotsResponse,
  type TrendBucket,
  type TrendSeriesQuery,
  type TrendSeriesResponse,
  type YearOnYearQuery,
  type YearOnYearResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { type RegionQuery, scopeRegionQuery } from '../auth/region-scope';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { HotspotScoresService } from '../hotspots/hotspot-scores.service';
import { CityTrendsRepository } from './city-trends.repository';
import { eventRange, yearEarlier } from './grid-range';
import { GridTrendsRepository } from './grid-trends.repository';
import { filterOf, gridFilterOf } from './trend-filters';
import { TrendsRepository } from './trends.repository';

const STEP: Record<TrendBucket, string> = { hour: '1 hour', day: '1 day', week: '7 days' };
/** Longest range per bucket size, so no answer exceeds ~5,000 buckets per series. */
const MAX_RANGE_DAYS: Record<TrendBucket, number> = { hour: 92, day: 3 * 366, week: 10 * 366 };
const changeOf = (current: number, previous: number): YearOnYearResponse => ({
  current,
  previous,
  changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
});

@Injectable()
export class TrendsService {
  constructor(
    private readonly db: Database,
    private readonly trends: TrendsRepository,
    private readonly city: CityTrendsRepository,
    private readonly grid: GridTrendsRepository,
    private readonly hotspotScores: HotspotScoresService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every read is narrowed to the caller's regions first (scopeRegionQuery: 403 for another's). */
  async series(user: AuthUser, query: TrendSeriesQuery): Promise<TrendSeriesResponse> {
    const q = scopeRegionQuery(user.regions, query);
    const filter = filterOf(q, MAX_RANGE_DAYS[q.bucket]);
    const step = STEP[q.bucket];
    const grid = gridFilterOf(q);
    if (grid !== null) {
      const rows = await this.grid.series(this.db.pool, eventRange(q.from, q.to, q.bucket), grid, step);
      return { bucket: q.bucket, points: rows.map((r) => ({ ...r, bucket: r.bucket.toISOString() })) };
    }
    // Hours from the hourly rollup; days and weeks from the daily ones (whole Beijing days).
    const rows =
      q.bucket === 'hour'
        ? await this.trends.series(this.db.pool, filter, step)
        : filter.level === 'county'
          ? await this.city.seriesByDay(this.db.pool, filter, step)
          : await this.trends.seriesByDay(this.db.pool, filter, step);
    return { bucket: q.bucket, points: rows.map((r) => ({ ...r, bucket: r.bucket.toISOString() })) };
  }

  /** The figure the city reports ("disputes −17.8% year on year") for any range and region. */
  async yearOnYear(user: AuthUser, query: YearOnYearQuery): Promise<YearOnYearResponse> {
    const q = scopeRegionQuery(user.regions, query);
    const filter = filterOf(q, 366);
    const grid = gridFilterOf(q);
    if (grid !== null) {
      const [current, previous] = await Promise.all([
        this.grid.total(this.db.pool, eventRange(q.from, q.to, 'day'), grid),
        this.grid.total(this.db.pool, eventRange(yearEarlier(q.from), yearEarlier(q.to), 'day'), grid),
      ]);
      return changeOf(current, previous);
    }
    const repo = filter.level === 'county' ? this.city : this.trends;
    const { current, previous } = await repo.yearOnYear(this.db.pool, filter);
    return changeOf(current, previous);
  }

  async breakdown(user: AuthUser, query: BreakdownQuery): Promise<BreakdownResponse> {
    const q = scopeRegionQuery(user.regions, query);
    const filter = filterOf(q, MAX_RANGE_DAYS.week);
    const grid = gridFilterOf(q);
    if (grid !== null) {
      return {
        level: 'grid',
        rows: await this.grid.breakdown(this.db.pool, eventRange(q.from, q.to, 'day'), grid),
      };
    }
    const repo = filter.level === 'county' ? this.city : this.trends;
    return { level: filter.level, rows: await repo.breakdown(this.db.pool, filter) };
  }

  /** The engine's judgement when the warning service is scoring, counts (said so) otherwise. */
  hotspots(user: AuthUser, q: HotspotsQuery): Promise<ScoredHotspotsResponse> {
    // The repository takes one region code (a county or a township) as the list's scope.
    const scoped = scopeRegionQuery<RegionQuery>(user.regions, { county: q.county });
    return this.hotspotScores.top({ ...q, county: scoped.township ?? scoped.county });
  }
}
