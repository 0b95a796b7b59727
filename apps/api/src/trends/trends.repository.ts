import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type GridRow } from './grid-trends.repository';

/** A range and a region filter over region_hourly_rollup; `level` is what rows are grouped by. */
export interface RollupFilter {
  readonly from: string;
  readonly to: string;
  readonly county: string | null;
  readonly township: string | null;
  readonly source: string | null;
  readonly category: string | null;
  readonly level: 'county' | 'township';
}

/** Filters shared by every rollup query: parameters $1..$7, in this order. */
const WHERE = `bucket >= $1 AND bucket < $2 AND ($3::text IS NULL OR county = $3) AND ($4::text IS NULL OR township = $4)
  AND ($5::text IS NULL OR source = $5) AND ($6::text IS NULL OR category = $6)`;
/** The same filters over region_daily_rollup: the Beijing days that overlap [from, to) (shifted). */
const daysWhere = (shift = ''): string => `day >= fq_beijing_day($1::timestamptz${shift})
  AND day <= fq_beijing_day($2::timestamptz${shift} - interval '1 microsecond')
  AND ($3::text IS NULL OR county = $3) AND ($4::text IS NULL OR township = $4)
  AND ($5::text IS NULL OR source = $5) AND ($6::text IS NULL OR category = $6)`;
const DAYS = daysWhere();
const REGION = `CASE WHEN $7::text = 'township' THEN township ELSE county END`;
const args = (f: RollupFilter): unknown[] => [
  f.from,
  f.to,
  f.county,
  f.township,
  f.source,
  f.category,
  f.level,
];

/**
 * Buckets are aligned on Beijing time (UTC+8): days start at local midnight and weeks on a local
 * Monday (2000-01-03 was one). date_bin is plain PostgreSQL, so this runs with or without TimescaleDB.
 */
const ORIGIN = `timestamptz '2000-01-03 00:00:00+08'`;

@Injectable()
export class TrendsRepository {
  async series(
    db: Queryable,
    f: RollupFilter,
    step: string,
  ): Promise<{ bucket: Date; region: string; category: string; events: number }[]> {
    const res = await db.query<{ bucket: Date; region: string; category: string; events: number }>(
      `SELECT date_bin($8::interval, bucket, ${ORIGIN}) AS bucket, ${REGION} AS region, category, sum(events)::bigint AS events
       FROM region_hourly_rollup WHERE ${WHERE} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...args(f), step],
    );
    return res.rows;
  }

  /** Day and week buckets from the daily rollup; a bucket is named by its Beijing-midnight start. */
  async seriesByDay(
    db: Queryable,
    f: RollupFilter,
    step: string,
  ): Promise<{ bucket: Date; region: string; category: string; events: number }[]> {
    const res = await db.query<{ bucket: Date; region: string; category: string; events: number }>(
      `SELECT fq_beijing_day_start(date_bin($8::interval, day::timestamp, timestamp '2000-01-03')::date) AS bucket,
              ${REGION} AS region, category, sum(events)::bigint AS events
       FROM region_daily_rollup WHERE ${DAYS} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...args(f), step],
    );
    return res.rows;
  }

  /** The days of the range and the same days a year earlier: two index range scans. */
  async yearOnYear(db: Queryable, f: RollupFilter): Promise<{ current: number; previous: number }> {
    const lastYear = daysWhere(" - interval '1 year'");
    const res = await db.query<{ current: number; previous: number }>(
      `SELECT (SELECT coalesce(sum(events), 0) FROM region_daily_rollup WHERE ${DAYS})::bigint AS current,
              (SELECT coalesce(sum(events), 0) FROM region_daily_rollup WHERE ${lastYear})::bigint AS previous`,
      args(f).slice(0, 6),
    );
    return res.rows[0] ?? { current: 0, previous: 0 };
  }

  async breakdown(db: Queryable, f: RollupFilter): Promise<GridRow[]> {
    const res = await db.query<GridRow>(
      `SELECT t.region, g.name, g.lon, g.lat, t.events FROM (
         SELECT ${REGION} AS region, sum(events)::bigint AS events FROM region_daily_rollup WHERE ${DAYS} GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      args(f),
    );
    return res.rows;
  }
}
