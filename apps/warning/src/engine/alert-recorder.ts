import { type AlertChanged } from '@fengqiao/contracts';
import { type AlertStore, type DbPool, toAlert, withTransaction } from '@fengqiao/db';
import { type AlertChangeDecision } from '@fengqiao/rules';
import { type PoolClient } from 'pg';

/** Checks, inside a write's transaction, that this instance may still write (the leader fence). */
export type WriteFence = (tx: PoolClient) => Promise<void>;

/** What recording one decision came to. */
export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly seq: number }
  /** This version is already stored (a replay): nothing to publish. */
  | { readonly kind: 'duplicate' }
  /** The database holds a different truth (a newer version, or another open alert for the key). */
  | { readonly kind: 'conflict'; readonly current: AlertChanged['alert'] | undefined };

const UNIQUE_VIOLATION = '23505';

/**
 * Writes engine decisions through the alert store; the database decides races by version. With a
 * fence, a change is stored only while the fence holds at the end of its transaction (the warning
 * leader's lock, decision 0014): a deposed leader's write is rolled back with LEADERSHIP_LOST.
 */
export class AlertRecorder {
  constructor(
    private readonly pool: DbPool,
    private readonly alerts: AlertStore,
    private readonly fence?: WriteFence,
  ) {}

  async record(d: AlertChangeDecision): Promise<RecordOutcome> {
    try {
      return await withTransaction(this.pool, async (tx) => {
        if (!(await this.alerts.upsertAlert(tx, d.alert))) {
          const row = await this.alerts.findById(tx, d.alert.alertId);
          const stored = row === undefined ? undefined : toAlert(row);
          const same =
            stored !== undefined && stored.version === d.alert.version && stored.state === d.alert.state;
          return same ? { kind: 'duplicate' as const } : { kind: 'conflict' as const, current: stored };
        }
        // An outbox row: the relay publishes it after this commits.
        const seq = await this.alerts.appendChange(tx, {
          change: d.type,
          alert: d.alert,
          occurredAt: new Date(d.alert.updatedAt),
          ...(d.actor === undefined ? {} : { actor: d.actor }),
          ...(d.note === undefined ? {} : { note: d.note }),
        });
        // Last before the commit: a deposed leader's change rolls back (LEADERSHIP_LOST).
        await this.fence?.(tx);
        return seq === undefined ? { kind: 'duplicate' as const } : { kind: 'recorded' as const, seq };
      });
    } catch (err) {
      if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      // Another alert is open for this dedup key (made before a restart): adopt it instead.
      const open = await this.alerts.findOpenByDedupKey(this.pool, d.alert.dedupKey);
      return { kind: 'conflict', current: open === undefined ? undefined : toAlert(open) };
    }
  }
}
