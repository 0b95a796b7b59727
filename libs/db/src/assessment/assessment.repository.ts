import { type AssessedTownship, type KpiFactRow, type SiteTypeCount } from '@fengqiao/reports';
import { type Queryable } from '../transaction';

/**
 * How far before a quarter a case is read: complex disputes are due within 61 days and an open case
 * past its promise counts as overdue at the quarter's end, so half a year (the cadence reports'
 * OPEN_CASE_LOOKBACK_DAYS) leaves room without scanning all history.
 */
export const ASSESSMENT_LOOKBACK_DAYS = 183;

/** `$n` null = the city; else a county or township code (the KPI tiles' scope). */
const SCOPE = (n: number, alias: string): string =>
  `($${n}::text IS NULL OR ${alias}.county = $${n} OR ${alias}.township = $${n})`;

/**
 * What the quarterly assessment and the site-type coverage read: the KPI facts view
 * (`case_kpi_facts`, the one projection the KPI tiles read), the region registry and the camera
 * registry with its latest state. One query per method.
 */
export class AssessmentRepository {
  /**
   * Cases of registry townships reported in [`from` − lookback, `to`); of those reported before
   * `from`, only the ones not finished by then (a case finished earlier counts in no measure).
   */
  async facts(db: Queryable, from: Date, to: Date): Promise<KpiFactRow[]> {
    const res = await db.query<KpiFactRow>(
      `SELECT case_id, township, tier, reported_at, triaged_at, leader_assigned_at, escalated_at,
              resolved_at, closed_at, satisfaction, joint_mediation
       FROM case_kpi_facts
       WHERE township IS NOT NULL AND reported_at >= $1::timestamptz - make_interval(days => $3)
         AND reported_at < $2
         AND (reported_at >= $1 OR coalesce(least(resolved_at, closed_at), 'infinity') >= $1)`,
      [from, to, ASSESSMENT_LOOKBACK_DAYS],
    );
    return res.rows;
  }

  /** Every township of the registry with its county's name, in code order. */
  async townships(db: Queryable): Promise<AssessedTownship[]> {
    const res = await db.query<AssessedTownship>(
      `SELECT t.code, t.name, t.parent AS county, coalesce(c.name, t.parent) AS "countyName"
       FROM regions t LEFT JOIN regions c ON c.code = t.parent
       WHERE t.level = 'township' ORDER BY t.code`,
    );
    return res.rows;
  }

  /** Registry cameras per site type in the scope: total, online (latest state) and townships with one. */
  async siteTypeCounts(db: Queryable, scope: string | null): Promise<SiteTypeCount[]> {
    const res = await db.query<SiteTypeCount>(
      `SELECT c.site_type AS "siteType", count(*)::int AS total,
              count(*) FILTER (WHERE s.online)::int AS online,
              count(DISTINCT c.township)::int AS townships
       FROM cameras c LEFT JOIN camera_state s USING (camera_id)
       WHERE ${SCOPE(1, 'c')} GROUP BY 1`,
      [scope],
    );
    return res.rows;
  }

  /** Townships of the registry in the scope (a township scope: itself). */
  async townshipCount(db: Queryable, scope: string | null): Promise<number> {
    const res = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM regions
       WHERE level = 'township' AND ($1::text IS NULL OR parent = $1 OR code = $1)`,
      [scope],
    );
    return res.rows[0]?.n ?? 0;
  }
}
