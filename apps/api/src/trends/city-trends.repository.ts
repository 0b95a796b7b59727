import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type GridRow } from './grid-trends.repository';
import { type RollupFilter } from './trends.repository';

/**
 * City-wide day/week queries over region_county_daily_rollup (5 counties, not 120 townships).
 * Parameters $1..$4: from, to, source, category; days are the Beijing days overlapping [from, to).
 */
const cityDays = (shift = ''): string => `day >= fq_beijing_day($1::timestamptz${shift})
  AND day <= fq_beijing_day($2::timestamptz${shift} - interval '1 microsecond')
  AND ($3::text IS NULL OR source = $3) AND ($4::text IS NULL OR category = $4)`;
const args = (f: RollupFilter): unknown[] => [f.from, f.to, f.source, f.category];

type Point = { bucket: Date; region: string; category: string; events: number };

@Injectable()
export class CityTrendsRepository {
  async seriesByDay(db: Queryable, f: RollupFilter, step: string): Promise<Point[]> {
    if (step === '1 day') return this.seriesOfDays(db, f);
    const res = await db.query<Point>(
      `SELECT fq_beijing_day_start(date_bin($5::interval, day::timestamp, timestamp '2000-01-03')::date) AS bucket,
              county AS region, category, sum(events)::bigint AS events
       FROM region_county_daily_rollup WHERE ${cityDays()} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...args(f), step],
    );
    return res.rows;
  }

  /**
   * Day buckets grouped by the day itself, not by an expression of it: the covering index's order
   * (day, county, category) then feeds the aggregate directly, with no hash table and no sort.
   */
  private async seriesOfDays(db: Queryable, f: RollupFilter): Promise<Point[]> {
    const res = await db.query<Point>(
      `SELECT fq_beijing_day_start(day) AS bucket,
              county AS region, category, sum(events)::bigint AS events
       FROM region_county_daily_rollup WHERE ${cityDays()} GROUP BY day, county, category ORDER BY day, county, category`,
      args(f),
    );
    return res.rows;
  }

  async yearOnYear(db: Queryable, f: RollupFilter): Promise<{ current: number; previous: number }> {
    const res = await db.query<{ current: number; previous: number }>(
      `SELECT (SELECT coalesce(sum(events), 0) FROM region_county_daily_rollup WHERE ${cityDays()})::bigint AS current,
              (SELECT coalesce(sum(events), 0) FROM region_county_daily_rollup WHERE ${cityDays(" - interval '1 year'")})::bigint
                AS previous`,
      args(f),
    );
    return res.rows[0] ?? { current: 0, previous: 0 };
  }

  async breakdown(db: Queryable, f: RollupFilter): Promise<GridRow[]> {
    const res = await db.query<GridRow>(
      `SELECT t.region, g.name, g.lon, g.lat, t.events FROM (
         SELECT county AS region, sum(events)::bigint AS events FROM region_county_daily_rollup WHERE ${cityDays()} GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      args(f),
    );
    return res.rows;
  }
}
