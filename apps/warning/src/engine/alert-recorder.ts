import { type AlertChanged } from '@fengqiao/contracts';
import { lockAlertChangeSequence, withTransaction, type DbPool } from '@fengqiao/db';
import { type AlertChangeDecision } from '@fengqiao/rules';
import { type AlertsRepository } from '../persistence/alerts.repository';

/** What recording one decision came to. */
export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly seq: number }
  /** This version is already stored (a replay): nothing to publish. */
  | { readonly kind: 'duplicate' }
  /** The database holds a different truth (a newer version, or another open alert for the key). */
  | { readonly kind: 'conflict'; readonly current: AlertChanged['alert'] | undefined };

const UNIQUE_VIOLATION = '23505';

/** Writes engine decisions to alerts/alert_changes; the database decides races by version. */
export class AlertRecorder {
  constructor(
    private readonly pool: DbPool,
    private readonly alerts: AlertsRepository,
  ) {}

  async record(d: AlertChangeDecision): Promise<RecordOutcome> {
    try {
      return await withTransaction(this.pool, async (tx) => {
        if (!(await this.alerts.upsertAlert(tx, d.alert))) {
          const stored = await this.alerts.findById(tx, d.alert.alertId);
          const same =
            stored !== undefined && stored.version === d.alert.version && stored.state === d.alert.state;
          return same ? { kind: 'duplicate' as const } : { kind: 'conflict' as const, current: stored };
        }
        // Seqs must commit in the order they are assigned (shared with the API's transitions).
        await lockAlertChangeSequence(tx);
        const seq = await this.alerts.insertChange(tx, {
          change: d.type,
          alert: d.alert,
          actor: d.actor,
          note: d.note,
        });
        if (seq === undefined) return { kind: 'duplicate' as const };
        await this.alerts.setLastSeq(tx, d.alert.alertId, seq);
        return { kind: 'recorded' as const, seq };
      });
    } catch (err) {
      if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      // Another alert is open for this dedup key (made before a restart): adopt it instead.
      return { kind: 'conflict', current: await this.alerts.findOpenByDedupKey(this.pool, d.alert.dedupKey) };
    }
  }
}
