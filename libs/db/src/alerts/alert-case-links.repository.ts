import { type Queryable } from '../transaction';

/** An alert turned into a case: who linked them and when. */
export interface NewAlertCaseLink {
  readonly alertId: string;
  readonly caseId: string;
  readonly linkedAt: Date;
  readonly linkedBy: string;
}

const CASE_OF = 'SELECT case_id FROM alert_case_links WHERE alert_id = $1';
const ALERTS_OF = 'SELECT alert_id FROM alert_case_links WHERE case_id = $1 ORDER BY linked_at, alert_id';
const INSERT = `INSERT INTO alert_case_links (alert_id, case_id, linked_at, linked_by) VALUES ($1, $2, $3, $4)
ON CONFLICT (alert_id) DO NOTHING RETURNING alert_id`;

/** The one owner of `alert_case_links` (the link both ways), one statement per method. */
export class AlertCaseLinks {
  /** The case an alert became, if any. */
  async caseOf(db: Queryable, alertId: string): Promise<string | undefined> {
    return (await db.query<{ case_id: string }>(CASE_OF, [alertId])).rows[0]?.case_id;
  }

  /** The alerts a case came from, oldest link first. */
  async alertsOf(db: Queryable, caseId: string): Promise<string[]> {
    return (await db.query<{ alert_id: string }>(ALERTS_OF, [caseId])).rows.map((r) => r.alert_id);
  }

  /** False when the alert is already linked to a case. */
  async insert(tx: Queryable, link: NewAlertCaseLink): Promise<boolean> {
    const res = await tx.query(INSERT, [link.alertId, link.caseId, link.linkedAt, link.linkedBy]);
    return (res.rowCount ?? 0) > 0;
  }
}
