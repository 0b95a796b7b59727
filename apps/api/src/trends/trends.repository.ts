import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';

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

  /** The range and the same range a year earlier, in one scan of both. */
  async yearOnYear(db: Queryable, f: RollupFilter): Promise<{ current: number; previous: number }> {
    const res = await db.query<{ current: number; previous: number }>(
      `WITH ranges AS (SELECT $1::timestamptz AS f, $2::timestamptz AS t)
       SELECT coalesce(sum(events) FILTER (WHERE bucket >= r.f), 0)::bigint AS current,
              coalesce(sum(events) FILTER (WHERE bucket < r.t - interval '1 year'), 0)::bigint AS previous
       FROM ranges r JOIN region_hourly_rollup ON
         ((bucket >= r.f AND bucket < r.t) OR (bucket >= r.f - interval '1 year' AND bucket < r.t - interval '1 year'))
       WHERE ($3::text IS NULL OR county = $3) AND ($4::text IS NULL OR township = $4)
         AND ($5::text IS NULL OR source = $5) AND ($6::text IS NULL OR category = $6)`,
      args(f).slice(0, 6),
    );
    return res.rows[0] ?? { current: 0, previous: 0 };
  }

  async breakdown(
    db: Queryable,
    f: RollupFilter,
  ): Promise<{ region: string; name: string | null; events: number }[]> {
    const res = await db.query<{ region: string; name: string | null; events: number }>(
      `SELECT t.region, g.name, t.events FROM (
         SELECT ${REGION} AS region, sum(events)::bigint AS events FROM region_hourly_rollup WHERE ${WHERE} GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      args(f),
    );
    return res.rows;
  }

  async hotspots(
    db: Queryable,
    since: Date,
    county: string | null,
    limit: number,
  ): Promise<
    { county: string; township: string; name: string | null; events: number; top_category: string }[]
  > {
    const res = await db.query<{
      county: string;
      township: string;
      name: string | null;
      events: number;
      top_category: string;
    }>(
      `WITH t AS (SELECT county, township, category, sum(events) AS n FROM region_hourly_rollup
                  WHERE bucket >= $1 AND ($2::text IS NULL OR county = $2) GROUP BY 1, 2, 3)
       SELECT t.county, t.township, g.name, sum(t.n)::bigint AS events, (array_agg(t.category ORDER BY t.n DESC))[1] AS top_category
       FROM t LEFT JOIN regions g ON g.code = t.township GROUP BY 1, 2, 3 ORDER BY events DESC, t.township LIMIT $3`,
      [since, county, limit],
    );
    return res.rows;
  }
}
