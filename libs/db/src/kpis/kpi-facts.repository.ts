import { type Queryable } from '../transaction';
import { type DeadlineGroupRow } from './kpi-deadline-sql';

export interface CaseWindowRow {
  readonly total: number;
  readonly resolved: number;
  readonly cycle_cases: number;
  readonly cycle_hours: number | null;
  readonly responses: number;
  readonly satisfied: number;
  readonly satisfaction: number | null;
}

export interface JointCycleRow {
  readonly cases: number;
  readonly days: number | null;
  readonly previous_cases: number;
  readonly previous_days: number | null;
}

/** `$scope` null = the city; else a county or township code. */
const SCOPE = (n: number): string => `($${n}::text IS NULL OR county = $${n} OR township = $${n})`;

/**
 * The KPI tiles' reads of `case_kpi_facts` (the case projection's facts view, owned here with the
 * projection): counts, cycle times, satisfaction and the deadline groups compiled by
 * `kpi-deadline-sql.ts` from the active rule set.
 */
export class KpiFactsRepository {
  async deadlineGroups(
    db: Queryable,
    sql: string,
    range: { from: Date; to: Date },
    scope: string | null,
    now: Date,
  ): Promise<DeadlineGroupRow[]> {
    return (await db.query<DeadlineGroupRow>(sql, [range.from, range.to, scope, now])).rows;
  }

  async casesSince(db: Queryable, since: Date, scope: string | null): Promise<number> {
    const res = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_kpi_facts WHERE reported_at >= $1 AND ${SCOPE(2)}`,
      [since, scope],
    );
    return res.rows[0]?.n ?? 0;
  }

  /** Resolution, cycle time and satisfaction over [from, now). */
  async caseWindow(db: Queryable, from: Date, scope: string | null): Promise<CaseWindowRow> {
    const res = await db.query<CaseWindowRow>(
      `SELECT count(*) FILTER (WHERE reported_at >= $1)::int AS total,
              count(*) FILTER (WHERE reported_at >= $1 AND coalesce(resolved_at, closed_at) IS NOT NULL)::int AS resolved,
              count(*) FILTER (WHERE resolved_at >= $1 AND reported_at IS NOT NULL)::int AS cycle_cases,
              (avg(extract(epoch FROM resolved_at - reported_at) / 3600)
                 FILTER (WHERE resolved_at >= $1 AND reported_at IS NOT NULL))::float8 AS cycle_hours,
              count(satisfaction) FILTER (WHERE closed_at >= $1)::int AS responses,
              count(*) FILTER (WHERE closed_at >= $1 AND satisfaction >= 4)::int AS satisfied,
              (avg(satisfaction) FILTER (WHERE closed_at >= $1))::float8 AS satisfaction
       FROM case_kpi_facts
       WHERE (reported_at >= $1 OR resolved_at >= $1 OR closed_at >= $1) AND ${SCOPE(2)}`,
      [from, scope],
    );
    const row = res.rows[0];
    if (row === undefined) throw new Error('aggregate without a row');
    return row;
  }

  /**
   * The joint-mediation cycle: mean days from report to resolution of the jointly mediated cases
   * resolved in [from, to), and in the same range one year earlier (domain: −65 %).
   */
  async jointMediationCycle(
    db: Queryable,
    range: { from: Date; to: Date },
    scope: string | null,
  ): Promise<JointCycleRow> {
    const res = await db.query<JointCycleRow>(
      `SELECT count(*) FILTER (WHERE resolved_at >= $1)::int AS cases,
              (avg(extract(epoch FROM resolved_at - reported_at) / 86400) FILTER (WHERE resolved_at >= $1))::float8 AS days,
              count(*) FILTER (WHERE resolved_at < $1)::int AS previous_cases,
              (avg(extract(epoch FROM resolved_at - reported_at) / 86400) FILTER (WHERE resolved_at < $1))::float8 AS previous_days
       FROM case_kpi_facts
       WHERE joint_mediation AND reported_at IS NOT NULL
         AND ((resolved_at >= $1 AND resolved_at < $2)
           OR (resolved_at >= $1 - interval '1 year' AND resolved_at < $2 - interval '1 year'))
         AND ${SCOPE(3)}`,
      [range.from, range.to, scope],
    );
    return res.rows[0] ?? { cases: 0, days: null, previous_cases: 0, previous_days: null };
  }

  /** Cases reported in [from, to) and in the same range one year earlier. */
  async yearOnYear(
    db: Queryable,
    range: { from: Date; to: Date },
    scope: string | null,
  ): Promise<{ current: number; previous: number }> {
    const res = await db.query<{ current: number; previous: number }>(
      `SELECT count(*) FILTER (WHERE reported_at >= $1)::int AS current,
              count(*) FILTER (WHERE reported_at < $1)::int AS previous
       FROM case_kpi_facts
       WHERE ((reported_at >= $1 AND reported_at < $2)
           OR (reported_at >= $1 - interval '1 year' AND reported_at < $2 - interval '1 year'))
         AND ${SCOPE(3)}`,
      [range.from, range.to, scope],
    );
    return res.rows[0] ?? { current: 0, previous: 0 };
  }
}
