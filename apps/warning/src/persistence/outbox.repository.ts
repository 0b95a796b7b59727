import { type AlertChangeKind, type Alert } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';

/**
 * Unpublished changes in seq order. SKIP LOCKED: a second relay (a second process during a rolling
 * restart) takes other rows instead of waiting and then publishing the same ones again.
 */
const PENDING = `
SELECT seq, change, actor_user_id, actor_role, note, snapshot
FROM alert_changes WHERE published_at IS NULL
ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`;

const MARK = `UPDATE alert_changes SET published_at = now() WHERE seq = ANY($1::bigint[])`;
const SET_ASIDE = `UPDATE alert_changes SET published_at = now(), publish_error = $2 WHERE seq = $1`;

export interface OutboxRow {
  readonly seq: number;
  readonly change: AlertChangeKind;
  readonly actor_user_id: string | null;
  readonly actor_role: string | null;
  readonly note: string | null;
  readonly snapshot: Alert;
}

/** alert_changes read and marked as an outbox, one query per method. */
export class OutboxRepository {
  async pending(tx: Queryable, limit: number): Promise<OutboxRow[]> {
    // bigserial arrives as a string; seqs stay far below 2^53.
    const r = await tx.query<Omit<OutboxRow, 'seq'> & { seq: string }>(PENDING, [limit]);
    return r.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
  }

  async markPublished(tx: Queryable, seqs: readonly number[]): Promise<void> {
    await tx.query(MARK, [seqs]);
  }

  /** A row that cannot be published as a valid message: out of the queue, its reason kept. */
  async setAside(tx: Queryable, seq: number, reason: string): Promise<void> {
    await tx.query(SET_ASIDE, [seq, reason.slice(0, 2000)]);
  }
}
