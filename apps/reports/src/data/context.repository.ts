import { ALERT_COLOURS, type AlertColour, cityRegionCode, type ReportLevel } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';
import { type AlertFact, type CameraCount } from '@fengqiao/reports';
import { alertRegionWhere, regionWhere, subRegionColumn } from './region-sql';

const COLOURS: readonly string[] = ALERT_COLOURS;
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());

/** Everything around the cases: alerts, cameras, analytics, last year's count, region names. */
export class ReportContextRepository {
  async alerts(
    db: Queryable,
    level: ReportLevel,
    region: string,
    from: Date,
    to: Date,
  ): Promise<AlertFact[]> {
    const res = await db.query<{
      colour: string;
      raised_at: Date;
      acknowledged_at: Date | null;
      resolved_at: Date | null;
    }>(
      `SELECT colour, raised_at, acknowledged_at, resolved_at FROM alerts
       WHERE ${alertRegionWhere(level, 1)} AND raised_at >= $2 AND raised_at < $3`,
      [region, from, to],
    );
    return res.rows
      .filter((r) => COLOURS.includes(r.colour))
      .map((r) => ({
        colour: r.colour as AlertColour,
        raisedAt: r.raised_at.getTime(),
        acknowledgedAt: ms(r.acknowledged_at),
        resolvedAt: ms(r.resolved_at),
      }));
  }

  /** Latest state per camera, counted per sub-region; a camera never heard from counts as offline. */
  async cameras(db: Queryable, level: ReportLevel, region: string): Promise<CameraCount[]> {
    const sub = subRegionColumn(level) ?? 'grid';
    const res = await db.query<{ region: string | null; total: number; offline: number }>(
      `SELECT c.${sub} AS region, count(*)::int AS total, count(*) FILTER (WHERE s.online IS NOT TRUE)::int AS offline
       FROM cameras c LEFT JOIN camera_state s USING (camera_id)
       WHERE ${regionWhere(level, 1)}
       GROUP BY 1`,
      [region],
    );
    return res.rows.map((r) => ({ region: r.region ?? region, total: r.total, offline: r.offline }));
  }

  /** Video-analytics events per sub-region from the daily rollups (known per county and township only). */
  async analytics(
    db: Queryable,
    level: ReportLevel,
    region: string,
    start: string,
    end: string,
  ): Promise<Record<string, number>> {
    if (level !== 'city' && level !== 'county') return {};
    const sql =
      level === 'city'
        ? `SELECT county AS region, sum(events)::bigint AS events FROM region_county_daily_rollup
           WHERE source = 'analytics' AND day >= $2 AND day < $3 AND $1::text IS NOT NULL GROUP BY 1`
        : `SELECT township AS region, sum(events)::bigint AS events FROM region_daily_rollup
           WHERE source = 'analytics' AND county = $1 AND day >= $2 AND day < $3 GROUP BY 1`;
    const res = await db.query<{ region: string; events: number }>(sql, [region, start, end]);
    return Object.fromEntries(res.rows.map((r) => [r.region, r.events]));
  }

  /** Cases reported between two Beijing dates: from the daily rollups down to townships, else the events. */
  async casesReported(
    db: Queryable,
    level: ReportLevel,
    region: string,
    start: string,
    end: string,
  ): Promise<number> {
    const sql =
      level === 'city' || level === 'county'
        ? `SELECT coalesce(sum(events), 0)::bigint AS n FROM region_county_daily_rollup
           WHERE source = 'case' AND day >= $2 AND day < $3 AND ${level === 'city' ? '$1::text IS NOT NULL' : 'county = $1'}`
        : level === 'township'
          ? `SELECT coalesce(sum(events), 0)::bigint AS n FROM region_daily_rollup
             WHERE source = 'case' AND township = $1 AND day >= $2 AND day < $3`
          : `SELECT count(*)::bigint AS n FROM case_events WHERE ${regionWhere(level, 1)} AND type = 'reported'
             AND occurred_at >= fq_beijing_day_start($2::date) AND occurred_at < fq_beijing_day_start($3::date)`;
    const res = await db.query<{ n: number }>(sql, [region, start, end]);
    return res.rows[0]?.n ?? 0;
  }

  /** The region's own name and its children's; the configured city's own code is named by `city`. */
  async names(
    db: Queryable,
    region: string,
    city: { readonly code: string; readonly name: string },
  ): Promise<{ name: string | null; children: Record<string, string> }> {
    const res = await db.query<{ code: string; name: string }>(
      `SELECT code, name FROM regions WHERE code = $1 OR parent = $1`,
      [region],
    );
    const own =
      res.rows.find((r) => r.code === region)?.name ??
      (region === cityRegionCode(city.code) ? city.name : null);
    const children = Object.fromEntries(
      res.rows.filter((r) => r.code !== region).map((r) => [r.code, r.name]),
    );
    return { name: own, children };
  }
}
