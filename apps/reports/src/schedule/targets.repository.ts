import { type Queryable } from '@fengqiao/db';

/** The regions the scheduler reports on. */
export class TargetsRepository {
  /** Counties or townships of the registry, in code order. */
  async regionsAt(db: Queryable, level: 'county' | 'township'): Promise<string[]> {
    const res = await db.query<{ code: string }>(`SELECT code FROM regions WHERE level = $1 ORDER BY code`, [
      level,
    ]);
    return res.rows.map((r) => r.code);
  }

  /**
   * Villages or grid cells with at least one case reported on a Beijing day: the only ones that get
   * a daily report (thousands of empty ones would bury the useful ones). The city day's bounds are
   * SQL's one owner, `fq_beijing_day_start`.
   */
  async activeOn(db: Queryable, level: 'village' | 'grid', day: string): Promise<string[]> {
    const res = await db.query<{ code: string }>(
      `SELECT DISTINCT ${level === 'village' ? 'village' : 'grid'} AS code FROM case_events
       WHERE type = 'reported' AND occurred_at >= fq_beijing_day_start($1::date)
         AND occurred_at < fq_beijing_day_start($1::date + 1)
         AND ${level === 'village' ? 'village' : 'grid'} IS NOT NULL
       ORDER BY 1`,
      [day],
    );
    return res.rows.map((r) => r.code);
  }
}
