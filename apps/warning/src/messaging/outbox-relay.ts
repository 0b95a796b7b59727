import { type AlertChanged } from '@fengqiao/contracts';
import { withTransaction, type DbPool } from '@fengqiao/db';
import { type OutboxRepository, type OutboxRow } from '../persistence/outbox.repository';
import { AlertChangePublisher } from './alert-change.publisher';

const BATCH = 500;

/**
 * Publishes the alert_changes rows the recorder left unpublished, in seq order, and marks them in
 * the same transaction that locked them. A crash between the Kafka ack and the mark republishes
 * those rows after the restart; consumers drop them by event id (deterministic per alert version),
 * so a change is delivered exactly once by id, and never lost.
 */
export class OutboxRelay {
  private running: Promise<number> | undefined;
  private again = false;

  constructor(
    private readonly pool: DbPool,
    private readonly outbox: OutboxRepository,
    private readonly publisher: AlertChangePublisher,
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

  /** Fire and forget (after each batch, on each tick): a failure is logged and retried next time. */
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
      const rows = await this.outbox.pending(tx, BATCH);
      if (rows.length === 0) return 0;
      // One row that breaks the contract must not hold back every change after it: it is set aside
      // with its reason (and reported), the rest are published in order.
      const valid: { seq: number; message: AlertChanged }[] = [];
      for (const row of rows) {
        try {
          valid.push({ seq: row.seq, message: messageOfRow(row) });
        } catch (err) {
          const reason = reasonOf(err);
          await this.outbox.setAside(tx, row.seq, reason);
          this.onError(new Error(`OUTBOX_ROW_INVALID: alert change seq ${row.seq} set aside: ${reason}`));
        }
      }
      if (valid.length > 0) await this.publisher.publish(valid.map((v) => v.message));
      await this.outbox.markPublished(
        tx,
        valid.map((v) => v.seq),
      );
      return rows.length;
    });
  }
}

function messageOfRow(row: OutboxRow): AlertChanged {
  const actor =
    row.actor_user_id === null ? undefined : { userId: row.actor_user_id, role: row.actor_role ?? '' };
  return AlertChangePublisher.messageOf(
    {
      type: row.change,
      alert: row.snapshot,
      ...(actor === undefined ? {} : { actor }),
      ...(row.note === null ? {} : { note: row.note }),
    },
    row.seq,
  );
}

/** A contract failure as one line per broken field ("alert.explanation.summary: Required; …"). */
function reasonOf(err: unknown): string {
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (Array.isArray(issues))
    return issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
  return err instanceof Error ? err.message : String(err);
}
