import { Injectable } from '@nestjs/common';
import { CITY_OFFSET_MS as BEIJING_MS, DAY_MS } from '@fengqiao/domain';
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
 * Parameters $1..$7: from, to, township, grid, source, category, and the rollup's watermark (whole
 * Beijing days before it are in grid_analytics_daily; '-infinity': none). A constant, not a subquery:
 * the planner then prunes partitions and estimates the short raw tail (a subquery made it plan a
 * parallel scan of the registry, 35 ms of worker start-up at load average 15). A source filter prunes
 * the other branch at planning.
 *
 * Cases are read raw: an index-only scan of case_events_reported_grid_idx, ~12 ms in EXPLAIN for the
 * busiest township over 90 days. Raw analytics cost ~70,000 rows through 1,534 cameras there (75-125 ms
 * for its ranking, 370-830 ms for all cells' day series at load average 20), so day-aligned ranges
 * (day and week buckets, totals, rankings) read the rollup for the days before its watermark and raw
 * events only past it (today, Beijing time). Hour buckets start mid-day: they read raw, like before.
 * The rollup is refreshed each minute (GridAnalyticsRefresher): events arriving late for a day already
 * rolled up count after the next refresh, at most a minute later.
 * Measured (trend bench --grid-only, both reads alternately, load average ~6): the busiest township's
 * ranking p50 90 → 21 ms (p95 147 → 29); all its cells' day series 327 → 188 ms, which is mostly
 * its 26,000 points (JSON); one cell's series and a median township stay near 8-17 ms either way.
 */
const EVENTS = `
  SELECT occurred_at AS at, grid, category, 1 AS n FROM case_events
   WHERE township = $3 AND occurred_at >= $1 AND occurred_at < $2 AND type = 'reported' AND category IS NOT NULL
     AND grid IS NOT NULL AND ($4::text IS NULL OR grid = $4) AND ($5::text IS NULL OR $5::text = 'case')
     AND ($6::text IS NULL OR category = $6)
  UNION ALL
  SELECT r.day, r.grid, r.kind, r.events FROM grid_analytics_daily r
   WHERE r.township = $3 AND r.day >= $1 AND r.day < least($2, $7::timestamptz)
     AND ($4::text IS NULL OR r.grid = $4) AND ($5::text IS NULL OR $5::text = 'analytics')
     AND ($6::text IS NULL OR r.kind = $6)
  UNION ALL
  SELECT a.occurred_at, c.grid, a.kind, 1 FROM cameras c JOIN camera_analytics_events a ON a.camera_id = c.camera_id
   WHERE c.township = $3 AND a.occurred_at >= greatest($1, $7::timestamptz) AND a.occurred_at < $2
     AND c.grid IS NOT NULL
     AND ($4::text IS NULL OR c.grid = $4) AND ($5::text IS NULL OR $5::text = 'analytics')
     AND ($6::text IS NULL OR a.kind = $6)`;

/** The refresher runs each minute; a reader catches up on another instance's refresh within this. */
const WATERMARK_TTL_MS = 30_000;
const ORIGIN = `timestamptz '2000-01-03 00:00:00+08'`;
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
  private mark: { at: Date | null; readAt: number } = { at: null, readAt: -Infinity };

  async series(db: Queryable, r: EventRange, f: GridFilter, step: string): Promise<Point[]> {
    const res = await db.query<Point>(
      `SELECT date_bin($8::interval, at, ${ORIGIN}) AS bucket, grid AS region, category,
         sum(n)::bigint AS events
       FROM (${EVENTS}) e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [...(await this.args(db, r, f)), step],
    );
    return res.rows;
  }

  async total(db: Queryable, r: EventRange, f: GridFilter): Promise<number> {
    const res = await db.query<{ events: number }>(
      `SELECT coalesce(sum(n), 0)::bigint AS events FROM (${EVENTS}) e`,
      await this.args(db, r, f),
    );
    return res.rows[0]?.events ?? 0;
  }

  /** Cells ranked by events, with the registry's name and centre of each. */
  async breakdown(db: Queryable, r: EventRange, f: GridFilter): Promise<GridRow[]> {
    const res = await db.query<GridRow>(
      `SELECT t.region, g.name, g.lon, g.lat, t.events FROM (
         SELECT grid AS region, sum(n)::bigint AS events FROM (${EVENTS}) e GROUP BY 1) t
       LEFT JOIN regions g ON g.code = t.region ORDER BY t.events DESC, t.region`,
      await this.args(db, r, f),
    );
    return res.rows;
  }

  /** Rolls whole Beijing days up to `now`'s day; returns the new watermark. */
  async refresh(db: Queryable, now: Date): Promise<Date | null> {
    const res = await db.query<{ through: Date | null }>('SELECT fq_refresh_grid_analytics($1) AS through', [
      now,
    ]);
    const through = res.rows[0]?.through ?? null;
    this.mark = { at: through, readAt: Date.now() };
    return through;
  }

  /** The rows of a query; a watermark older than the newest is still correct (more raw days). */
  private async args(db: Queryable, r: EventRange, f: GridFilter): Promise<unknown[]> {
    const mark = this.rollup && wholeDays(r) ? await this.watermark(db) : null;
    return [r.from, r.to, f.township, f.grid, f.source, f.category, mark ?? '-infinity'];
  }

  private async watermark(db: Queryable): Promise<Date | null> {
    if (Date.now() - this.mark.readAt > WATERMARK_TTL_MS) {
      const res = await db.query<{ t: Date }>('SELECT refreshed_through AS t FROM grid_analytics_watermark');
      this.mark = { at: res.rows[0]?.t ?? null, readAt: Date.now() };
    }
    return this.mark.at;
  }
}

/** Camera analytics from the raw events only, as before the rollup. */
@Injectable()
export class RawGridTrendsRepository extends GridTrendsRepository {
  protected override readonly rollup: boolean = false;
}
