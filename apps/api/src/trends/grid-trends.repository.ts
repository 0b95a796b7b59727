import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type EventRange } from './grid-range';

/** One township's grid cells (or one cell), one source and category filter, over raw events. */
export interface GridFilter {
  readonly township: string;
  readonly grid: string | null;
  readonly source: string | null;
  readonly category: string | null;
}

/**
 * The raw events of one township with their grid cell: reported cases (the events the rollups count)
 * carry their cell; analytics events take their camera's cell from the registry. Parameters $1..$6:
 * from, to, township, grid, source, category. A source filter prunes the other branch at planning.
 *
 * Read, not rolled up on write. Measured on the seeded 90 days (bench/api/trend-query.bench.ts, day
 * buckets): the cases branch is an index-only scan of case_events_reported_grid_idx, ~12 ms in
 * EXPLAIN for the busiest township (136-412 ms before the index). The analytics branch reads every
 * event of the township's cameras: ~70,000 rows through 1,534 cameras in the busiest one, 75-125 ms
 * for its ranking in EXPLAIN and p50 172 ms over HTTP at load average 20; a median township's ranking
 * and one cell's series stay near 20 ms (p50). Dense townships need a grid rollup written by the
 * ingest writer (see the H6 report).
 */
const EVENTS = `
  SELECT occurred_at AS at, grid, category FROM case_events
   WHERE township = $3 AND occurred_at >= $1 AND occurred_at < $2 AND type = 'reported' AND category IS NOT NULL
     AND grid IS NOT NULL AND ($4::text IS NULL OR grid = $4) AND ($5::text IS NULL OR $5::text = 'case')
     AND ($6::text IS NULL OR category = $6)
  UNION ALL
  SELECT a.occurred_at, c.grid, a.kind FROM cameras c JOIN camera_analytics_events a ON a.camera_id = c.camera_id
   WHERE c.township = $3 AND a.occurred_at >= $1 AND a.occurred_at < $2 AND c.grid IS NOT NULL
     AND ($4::text IS NULL OR c.grid = $4) AND ($5::text IS NULL OR $5::text = 'analytics')
     AND ($6::text IS NULL OR a.kind = $6)`;

const ORIGIN = `timestamptz '2000-01-03 00:00:00+08'`;
const args = (r: EventRange, f: GridFilter): unknown[] => [
  r.from,
  r.to,
  f.township,
  f.grid,
  f.source,
  f.category,
];

type Point = { bucket: Date; region: string; category: string; events: number };
/** A region of a breakdown, with its registered name and centre. */
export type GridRow = {
  region: string;
  name: string | null;
  lon: number | null;
  lat: number | null;
  events: number;
};

@Injectable()
export class GridTrendsRepository {
  async series(db: Queryable, r: EventRange, f: GridFilter, step: string): Promise<Point[]> {
    const res = await db.query<Point>(
      `SELECT date_bin($7::interval, at, ${ORIGIN}) AS bucket, grid AS region, category, count(*)::bigint AS events
       FROM (${EVENTS}) e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...args(r, f), step],
    );
    return res.rows;
  }

  async total(db: Queryable, r: EventRange, f: GridFilter): Promise<number> {
    const res = await db.query<{ events: number }>(
      `SELECT count(*)::bigint AS events FROM (${EVENTS}) e`,
      args(r, f),
    );
    return res.rows[0]?.events ?? 0;
  }

  /** Cells ranked by events, with the registry's name and centre of each. */
  async breakdown(db: Queryable, r: EventRange, f: GridFilter): Promise<GridRow[]> {
    const res = await db.query<GridRow>(
      `SELECT t.region, g.name, g.lon, g.lat, t.events FROM (
         SELECT grid AS region, count(*)::bigint AS events FROM (${EVENTS}) e GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      args(r, f),
    );
    return res.rows;
  }
}
