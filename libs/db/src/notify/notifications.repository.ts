import { type Queryable } from '../transaction';

export type NotificationStatus = 'scheduled' | 'delivered' | 'failed' | 'cancelled';

export interface NotificationRow {
  readonly notification_id: string;
  readonly alert_id: string;
  readonly alert_version: number;
  readonly reason: 'first' | 'backup' | 'escalated' | 'digest';
  readonly level: 'grid' | 'township' | 'county' | 'city';
  readonly region_code: string;
  readonly duty_role: 'primary' | 'backup';
  readonly user_id: string | null;
  readonly channel: string | null;
  readonly address: string | null;
  readonly status: NotificationStatus;
  readonly attempts: number;
  readonly due_at: Date;
  readonly next_attempt_at: Date;
  readonly last_error: string | null;
  readonly delivered_at: Date | null;
  readonly carried_by: string | null;
  readonly created_at: Date;
}

export type NewNotification = Pick<
  NotificationRow,
  | 'notification_id'
  | 'alert_id'
  | 'alert_version'
  | 'reason'
  | 'level'
  | 'region_code'
  | 'duty_role'
  | 'user_id'
  | 'channel'
  | 'address'
  | 'status'
  | 'due_at'
  | 'last_error'
>;

/**
 * The one owner of `notifications`, `notification_attempts` and `ack_link_uses`: the notify
 * service's queue (planned, claimed with a lease, delivered / retried / failed) and the history the
 * API shows. One statement per method.
 */
export class NotificationsRepository {
  /** Plans a notification; false when this alert version already planned it (a redelivery). */
  async plan(db: Queryable, n: NewNotification, at: Date): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO notifications (notification_id, alert_id, alert_version, reason, level, region_code, duty_role,
         user_id, channel, address, status, due_at, next_attempt_at, last_error, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $14)
       ON CONFLICT (alert_id, alert_version, reason, duty_role, level) DO NOTHING`,
      [
        n.notification_id,
        n.alert_id,
        n.alert_version,
        n.reason,
        n.level,
        n.region_code,
        n.duty_role,
        n.user_id,
        n.channel,
        n.address,
        n.status,
        n.due_at,
        n.last_error,
        at,
      ],
    );
    return (res.rowCount ?? 0) > 0;
  }

  /**
   * Claims due notifications for `leaseMs`: a crashed sender's claim runs out and the row is tried
   * again (at-least-once; receivers dedupe on the notification id). Other senders skip locked rows.
   */
  async claimDue(db: Queryable, now: Date, leaseMs: number, limit: number): Promise<NotificationRow[]> {
    const res = await db.query<NotificationRow>(
      `UPDATE notifications n SET next_attempt_at = $1::timestamptz + $2 * interval '1 millisecond', updated_at = $1
       WHERE notification_id IN (
         SELECT notification_id FROM notifications WHERE status = 'scheduled' AND next_attempt_at <= $1
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING n.*`,
      [now, leaseMs, limit],
    );
    return res.rows;
  }

  /** Digest notices of one person and channel due by `now`, not yet claimed by another message. */
  async dueDigestsOf(db: Queryable, userId: string, channel: string, now: Date): Promise<NotificationRow[]> {
    const res = await db.query<NotificationRow>(
      `SELECT * FROM notifications WHERE status = 'scheduled' AND reason = 'digest' AND user_id = $1
         AND channel = $2 AND due_at <= $3 ORDER BY created_at LIMIT 50`,
      [userId, channel, now],
    );
    return res.rows;
  }

  async recordAttempt(
    db: Queryable,
    id: string,
    attempt: number,
    at: Date,
    ok: boolean,
    detail: string,
  ): Promise<void> {
    await db.query(
      `INSERT INTO notification_attempts (notification_id, attempt, attempted_at, ok, detail) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (notification_id, attempt) DO NOTHING`,
      [id, attempt, at, ok, detail.slice(0, 500)],
    );
  }

  async delivered(
    db: Queryable,
    ids: readonly string[],
    attempts: number,
    at: Date,
    carriedBy: string | null,
  ): Promise<void> {
    await db.query(
      `UPDATE notifications SET status = 'delivered', attempts = $2, delivered_at = $3, updated_at = $3,
         last_error = NULL, carried_by = $4 WHERE notification_id = ANY($1::uuid[])`,
      [ids, attempts, at, carriedBy],
    );
  }

  /** Another try at `nextAt` after a failure. */
  async retryAt(
    db: Queryable,
    id: string,
    attempts: number,
    nextAt: Date,
    error: string,
    at: Date,
  ): Promise<void> {
    await db.query(
      `UPDATE notifications SET attempts = $2, next_attempt_at = $3, last_error = $4, updated_at = $5
       WHERE notification_id = $1`,
      [id, attempts, nextAt, error.slice(0, 500), at],
    );
  }

  async finish(
    db: Queryable,
    id: string,
    status: 'failed' | 'cancelled',
    attempts: number,
    error: string,
    at: Date,
  ): Promise<void> {
    await db.query(
      `UPDATE notifications SET status = $2, attempts = $3, last_error = $4, updated_at = $5 WHERE notification_id = $1`,
      [id, status, attempts, error.slice(0, 500), at],
    );
  }

  /** Every notification about an alert, oldest first: the alert's history. */
  async ofAlert(db: Queryable, alertId: string): Promise<NotificationRow[]> {
    const res = await db.query<NotificationRow>(
      'SELECT * FROM notifications WHERE alert_id = $1 ORDER BY created_at, notification_id',
      [alertId],
    );
    return res.rows;
  }

  async byId(db: Queryable, id: string): Promise<NotificationRow | undefined> {
    return (await db.query<NotificationRow>('SELECT * FROM notifications WHERE notification_id = $1', [id]))
      .rows[0];
  }

  /** Gives a link back when the acknowledgement it was used for did not happen. */
  async releaseAckLink(db: Queryable, id: string): Promise<void> {
    await db.query('DELETE FROM ack_link_uses WHERE notification_id = $1', [id]);
  }

  /** Marks an acknowledgement link used; false when it already was (single use). */
  async useAckLink(db: Queryable, id: string, userId: string, alertId: string, at: Date): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO ack_link_uses (notification_id, user_id, alert_id, used_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (notification_id) DO NOTHING`,
      [id, userId, alertId, at],
    );
    return (res.rowCount ?? 0) > 0;
  }
}
