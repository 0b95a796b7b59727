import { Inject, Injectable } from '@nestjs/common';
import {
  type BreakdownQuery,
  type BreakdownResponse,
  type HotspotsQuery,
  type HotspotsResponse,
  type TrendBucket,
  type TrendSeriesQuery,
  type TrendSeriesResponse,
  type YearOnYearQuery,
  type YearOnYearResponse,
} from '@fengqiao/contracts';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { CityTrendsRepository } from './city-trends.repository';
import { type RollupFilter, TrendsRepository } from './trends.repository';

const DAY_MS = 86_400_000;
const STEP: Record<TrendBucket, string> = { hour: '1 hour', day: '1 day', week: '7 days' };
/** Longest range per bucket size, so no answer exceeds ~5,000 buckets per series. */
const MAX_RANGE_DAYS: Record<TrendBucket, number> = { hour: 92, day: 3 * 366, week: 10 * 366 };

/** City → counties, county → townships; a township stays itself. */
function filterOf(q: BreakdownQuery, maxDays: number): RollupFilter {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (!(span > 0) || span > maxDays * DAY_MS) {
    throw new ApiError('VALIDATION_FAILED', 'invalid range', [
      { path: 'to', message: `must be after from, within ${maxDays} days` },
    ]);
  }
  if (q.township !== undefined && q.county !== undefined && !q.township.startsWith(q.county)) {
    throw new ApiError('VALIDATION_FAILED', 'township outside county', [
      { path: 'township', message: 'must lie in county' },
    ]);
  }
  return {
    from: q.from,
    to: q.to,
    county: q.county ?? null,
    township: q.township ?? null,
    source: q.source ?? null,
    category: q.category ?? null,
    level: q.county === undefined && q.township === undefined ? 'county' : 'township',
  };
}

@Injectable()
export class TrendsService {
  constructor(
    private readonly db: Database,
    private readonly trends: TrendsRepository,
    private readonly city: CityTrendsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async series(q: TrendSeriesQuery): Promise<TrendSeriesResponse> {
    const filter = filterOf(q, MAX_RANGE_DAYS[q.bucket]);
    const step = STEP[q.bucket];
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
  async yearOnYear(q: YearOnYearQuery): Promise<YearOnYearResponse> {
    const filter = filterOf(q, 366);
    const repo = filter.level === 'county' ? this.city : this.trends;
    const { current, previous } = await repo.yearOnYear(this.db.pool, filter);
    const changePercent = previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;
    return { current, previous, changePercent };
  }

  async breakdown(q: BreakdownQuery): Promise<BreakdownResponse> {
    const filter = filterOf(q, MAX_RANGE_DAYS.week);
    const repo = filter.level === 'county' ? this.city : this.trends;
    return { level: filter.level, rows: await repo.breakdown(this.db.pool, filter) };
  }

  async hotspots(q: HotspotsQuery): Promise<HotspotsResponse> {
    const since = new Date(
      Math.floor(this.clock.now().getTime() / 3_600_000) * 3_600_000 - (q.hours - 1) * 3_600_000,
    );
    const rows = await this.trends.hotspots(this.db.pool, since, q.county ?? null, q.limit);
    return {
      since: since.toISOString(),
      items: rows.map((r) => ({
        county: r.county,
        township: r.township,
        name: r.name,
        events: r.events,
        topCategory: r.top_category,
      })),
    };
  }
}
