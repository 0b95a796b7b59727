import { FINISHED_ALERT_STATES } from '@fengqiao/domain';
import { type Queryable } from '../transaction';

/**
 * Counts over the alerts table for the KPI tiles. "Open" is the domain's definition
 * (libs/domain `FINISHED_ALERT_STATES`, passed as a parameter), so a new finished state changes
 * one place.
 */
export class AlertCounts {
  /** Open alerts by colour in a county or township (null: the city). */
  async openByColour(db: Queryable, scope: string | null): Promise<{ colour: string; n: number }[]> {
    const res = await db.query<{ colour: string; n: number }>(
      `SELECT colour, count(*)::int AS n FROM alerts
       WHERE state <> ALL($1::text[]) AND ($2::text IS NULL OR county = $2 OR township = $2)
       GROUP BY colour`,
      [FINISHED_ALERT_STATES, scope],
    );
    return res.rows;
  }
}
