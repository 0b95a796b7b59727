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
 * The events of one township with their grid cell and a count: reported cases (the events the rollups
 * count) one row each, with their cell; camera analytics take their camera's cell from the registry.
 * Parameters $1..$7: from, to, township, grid, source, category, and whether whole days may come from
 * grid_analytics_daily. A source filter prunes the other branch at planning.
 *
 * Cases are read raw: an index-only scan of case_events_reported_grid_idx, ~12 ms in EXPLAIN for the
 * busiest township over 90 days. Raw analytics cost ~70,000 rows through 1,534 cameras there (75-125 ms
 * for its ranking, 370-830 ms for all cells' day series at load average 20), so day-aligned ranges
 * (day and week buckets, totals, rankings) read the rollup for the days before its watermark and raw
 * events only past it (today, Beijing time). Hour buckets start mid-day: they read raw, like before.
 * The rollup is refreshed each minute (GridAnalyticsRefresher): events arriving late for a day already
 * rolled up count after the next refresh, at most a minute later.
 */
const EVENTS = `
  SELECT occurred_at AS at, grid, category, 1 AS n FROM case_events
   WHERE township = $3 AND occurred_at >= $1 AND occurred_at < $2 AND type = 'reported' AND category IS NOT NULL
     AND grid IS NOT NULL AND ($4::text IS NULL OR grid = $4) AND ($5::text IS NULL OR $5::text = 'case')
     AND ($6::text IS NULL OR category = $6)
  UNION ALL
  SELECT r.day, r.grid, r.kind, r.events FROM grid_analytics_daily r, w
   WHERE r.township = $3 AND r.day >= $1 AND r.day < least($2, w.t)
     AND ($4::text IS NULL OR r.grid = $4) AND ($5::text IS NULL OR $5::text = 'analytics')
     AND ($6::text IS NULL OR r.kind = $6)
  UNION ALL
  SELECT a.occurred_at, c.grid, a.kind, 1 FROM w, cameras c JOIN camera_analytics_events a ON a.camera_id = c.camera_id
   WHERE c.township = $3 AND a.occurred_at >= greatest($1, w.t) AND a.occurred_at < $2 AND c.grid IS NOT NULL
     AND ($4::text IS NULL OR c.grid = $4) AND ($5::text IS NULL OR $5::text = 'analytics')
     AND ($6::text IS NULL OR a.kind = $6)`;

/** The rollup's watermark: whole Beijing days before it are in grid_analytics_daily. */
const WATERMARK = `WITH w AS (SELECT CASE WHEN $7::boolean
  THEN coalesce((SELECT refreshed_through FROM grid_analytics_watermark), '-infinity') ELSE '-infinity' END AS t)`;

const ORIGIN = `timestamptz '2000-01-03 00:00:00+08'`;
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
/** Only a range of whole Beijing days may take days from the rollup. */
const wholeDays = (r: EventRange): boolean =>
  (r.from.getTime() + BEIJING_MS) % DAY_MS === 0 && (r.to.getTime() + BEIJING_MS) % DAY_MS === 0;

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
  /** False in RawGridTrendsRepository: the raw read the rollup must equal (tests, bench). */
  protected readonly rollup: boolean = true;

  async series(db: Queryable, r: EventRange, f: GridFilter, step: string): Promise<Point[]> {
    const res = await db.query<Point>(
      `${WATERMARK} SELECT date_bin($8::interval, at, ${ORIGIN}) AS bucket, grid AS region, category,
         sum(n)::bigint AS events
       FROM (${EVENTS}) e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...this.args(r, f), step],
    );
    return res.rows;
  }

  async total(db: Queryable, r: EventRange, f: GridFilter): Promise<number> {
    const res = await db.query<{ events: number }>(
      `${WATERMARK} SELECT coalesce(sum(n), 0)::bigint AS events FROM (${EVENTS}) e`,
      this.args(r, f),
    );
    return res.rows[0]?.events ?? 0;
  }

  /** Cells ranked by events, with the registry's name and centre of each. */
  async breakdown(db: Queryable, r: EventRange, f: GridFilter): Promise<GridRow[]> {
    const res = await db.query<GridRow>(
      `${WATERMARK} SELECT t.region, g.name, g.lon, g.lat, t.events FROM (
         SELECT grid AS region, sum(n)::bigint AS events FROM (${EVENTS}) e GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      this.args(r, f),
    );
    return res.rows;
  }

  /** Rolls whole Beijing days up to `now`'s day; returns the new watermark. */
  async refresh(db: Queryable, now: Date): Promise<Date | null> {
    const res = await db.query<{ through: Date | null }>('SELECT fq_refresh_grid_analytics($1) AS through', [
      now,
    ]);
    return res.rows[0]?.through ?? null;
  }

  private args(r: EventRange, f: GridFilter): unknown[] {
    return [r.from, r.to, f.township, f.grid, f.source, f.category, this.rollup && wholeDays(r)];
  }
}

/** Camera analytics from the raw events only, as before the rollup. */
@Injectable()
export class RawGridTrendsRepository extends GridTrendsRepository {
  protected override readonly rollup: boolean = false;
}
