import { alertChangedSchema, type AlertChanged } from '@fengqiao/contracts';
import { type DbPool } from '../pool';
import { type Queryable, withTransaction } from '../transaction';
import { toAlertChanged } from './alert-rows';
import { type AlertStore } from './alert-store.repository';

/** Where the relay hands committed changes (Kafka in the apps), in seq order, keyed by alert id. */
export interface AlertChangeSink {
  publish(changes: readonly AlertChanged[]): Promise<void>;
}

const BATCH = 500;

/**
 * Held by the relay for its whole pass. The warning service and every API instance run a relay over
 * the same outbox; with this lock one publishes at a time, so changes reach Kafka in seq order (two
 * relays taking alternate batches could publish an alert's version 3 before its version 2). A relay
 * that waits here sees, once it has the lock, every row committed meanwhile.
 */
export const ALERT_OUTBOX_RELAY_LOCK_KEY = 7_261_142;

/**
 * Publishes the alert_changes rows not yet published, in seq order, and marks them in the same
 * transaction that locked them. A crash between Kafka's ack and the mark republishes those rows;
 * consumers drop them by event id (one per alert version), so nothing is lost and nothing shows twice.
 */
export class AlertOutboxRelay {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly pool: DbPool,
    private readonly store: AlertStore,
    private readonly sink: AlertChangeSink,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Publishes everything pending; calls during a run share it (plus one more pass after it). */
  flush(): Promise<number> {
    if (this.running !== undefined) {
      this.again = true;
      return this.running;
    }
    const run = this.drain().finally(() => {
      this.running = undefined;
    });
    this.running = run;
    return run;
  }

  /** Fire and forget (after a commit, on a tick): a failure is reported and retried next time. */
  kick(): void {
    this.flush().catch(this.onError);
  }

  /** Waits for a run in progress (stop, tests). */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      for (;;) {
        const n = await this.publishBatch();
        total += n;
        if (n < BATCH) break;
      }
    } while (this.again);
    return total;
  }

  private publishBatch(): Promise<number> {
    return withTransaction(this.pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ALERT_OUTBOX_RELAY_LOCK_KEY]);
      const rows = await this.store.pendingChanges(tx, BATCH);
      if (rows.length === 0) return 0;
      const valid = await this.validOrSetAside(tx, rows);
      if (valid.length > 0) await this.sink.publish(valid);
      await this.store.markPublished(
        tx,
        valid.map((v) => v.seq),
      );
      return rows.length;
    });
  }

  /**
   * One row that breaks the contract must not hold back every change after it: it is set aside with
   * its reason (and reported), the rest are published in order.
   */
  private async validOrSetAside(
    tx: Queryable,
    rows: Parameters<typeof toAlertChanged>[0][],
  ): Promise<AlertChanged[]> {
    const valid: AlertChanged[] = [];
    for (const row of rows) {
      const parsed = alertChangedSchema.safeParse(toAlertChanged(row));
      if (parsed.success) {
        valid.push(parsed.data);
        continue;
      }
      const reason = parsed.error.issues
        .map((i) => `${i.path.map(String).join('.')}: ${i.message}`)
        .join('; ');
      await this.store.setAside(tx, row.seq, reason);
      this.onError(new Error(`OUTBOX_ROW_INVALID: alert change seq ${row.seq} set aside: ${reason}`));
    }
    return valid;
  }
}
