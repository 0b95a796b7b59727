import { type Alert } from '@fengqiao/contracts';
import { type AlertStore, toAlert } from '@fengqiao/db';
import { type Database } from '../infra/database';

/** At most this many open alerts in a snapshot, newest first (a wall keeps 500). */
export const SNAPSHOT_LIMIT = 500;

export interface OpenAlertsSnapshot {
  /** The newest change of all when the snapshot was read: every change up to it is in `alerts`. */
  readonly latestSeq: number;
  readonly alerts: Alert[];
}

/** The open alerts of a scope, read in one snapshot together with the seq they are current to. */
export class AlertSnapshots {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
  ) {}

  openAlerts(scope: readonly string[]): Promise<OpenAlertsSnapshot> {
    return this.db.transaction(async (tx) => {
      // One database snapshot for both reads, so the list is exactly "every change up to latestSeq".
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const latestSeq = await this.alerts.latestSeq(tx);
      const rows = await this.alerts.openInScope(tx, scope, SNAPSHOT_LIMIT);
      return { latestSeq, alerts: rows.map(toAlert) };
    });
  }
}
