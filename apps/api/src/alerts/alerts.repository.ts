import { Injectable } from '@nestjs/common';
import { type Alert, type AlertChangeKind } from '@fengqiao/contracts';
import { lockAlertChangeSequence } from '@fengqiao/db';
import { type Queryable } from '../infra/database';
import { type AlertChangeRow, type AlertRow } from './alert-row';

/**
 * Taken before inserting into alert_changes and held to commit, so seqs commit in the order they
 * are drawn and a client resuming "after seq N" can never miss a change that commits late.
 * Every writer of alert_changes (the warning app too) must take it.
 */

export interface AlertFilter {
  readonly colours: readonly string[] | null;
  readonly states: readonly string[] | null;
  readonly region: string | null;
  readonly ruleId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  /** The caller's scope; empty = city. */
  readonly scope: readonly string[];
  readonly before: { readonly raisedMicros: string; readonly alertId: string } | null;
  readonly limit: number;
}

export interface NewChange {
  readonly alertId: string;
  readonly version: number;
  readonly change: AlertChangeKind;
  readonly occurredAt: Date;
  /** Null for changes the warning app makes on its own. */
  readonly actorUserId: string | null;
  readonly actorRole: string | null;
  readonly note: string | null;
  readonly snapshot: Alert;
}

export type ListedAlertRow = AlertRow & { readonly raised_micros: string };

const CHANGE_COLUMNS =
  'c.seq, c.alert_id, c.version, c.change, c.occurred_at, c.actor_user_id, c.actor_role, c.note, c.snapshot';

@Injectable()
export class AlertsRepository {
  async list(db: Queryable, f: AlertFilter): Promise<ListedAlertRow[]> {
    const res = await db.query<ListedAlertRow>(
      `SELECT a.*, (extract(epoch FROM raised_at) * 1000000)::bigint::text AS raised_micros FROM alerts a
       WHERE ($1::text[] IS NULL OR colour = ANY($1)) AND ($2::text[] IS NULL OR state = ANY($2))
         AND ($3::text IS NULL OR county = $3 OR township = $3) AND ($4::text IS NULL OR rule_id = $4)
         AND ($5::timestamptz IS NULL OR raised_at >= $5) AND ($6::timestamptz IS NULL OR raised_at < $6)
         AND (cardinality($7::text[]) = 0 OR county = ANY($7) OR township = ANY($7))
         AND ($8::bigint IS NULL OR (raised_at, alert_id) < (timestamptz 'epoch' + $8::bigint * interval '1 microsecond', $9::uuid))
       ORDER BY raised_at DESC, alert_id DESC LIMIT $10`,
      [
        f.colours,
        f.states,
        f.region,
        f.ruleId,
        f.from,
        f.to,
        f.scope,
        f.before?.raisedMicros ?? null,
        f.before?.alertId ?? null,
        f.limit,
      ],
    );
    return res.rows;
  }

  async findById(db: Queryable, alertId: string): Promise<AlertRow | undefined> {
    const res = await db.query<AlertRow>('SELECT * FROM alerts WHERE alert_id = $1', [alertId]);
    return res.rows[0];
  }

  async lockById(tx: Queryable, alertId: string): Promise<AlertRow | undefined> {
    const res = await tx.query<AlertRow>('SELECT * FROM alerts WHERE alert_id = $1 FOR UPDATE', [alertId]);
    return res.rows[0];
  }

  async history(db: Queryable, alertId: string): Promise<AlertChangeRow[]> {
    const res = await db.query<AlertChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM alert_changes c WHERE c.alert_id = $1 ORDER BY c.seq`,
      [alertId],
    );
    return res.rows;
  }

  async findChange(db: Queryable, alertId: string, version: number): Promise<AlertChangeRow | undefined> {
    const res = await db.query<AlertChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM alert_changes c WHERE c.alert_id = $1 AND c.version = $2`,
      [alertId, version],
    );
    return res.rows[0];
  }

  async lockChanges(tx: Queryable): Promise<void> {
    await lockAlertChangeSequence(tx);
  }

  /** Compare-and-set on version: 0 rows means someone else changed it first. */
  async applyState(tx: Queryable, next: Alert, expectedVersion: number): Promise<AlertRow | undefined> {
    const res = await tx.query<AlertRow>(
      `UPDATE alerts SET state = $3, version = $4, updated_at = $5, acknowledged_at = $6, resolved_at = $7, outcome = $8,
         escalation_level = $9
       WHERE alert_id = $1 AND version = $2 RETURNING *`,
      [
        next.alertId,
        expectedVersion,
        next.state,
        next.version,
        next.updatedAt,
        next.acknowledgedAt ?? null,
        next.resolvedAt ?? null,
        next.outcome ?? null,
        next.escalationLevel,
      ],
    );
    return res.rows[0];
  }

  /** Appends the change and records its seq on the alert, in one statement. */
  async appendChange(tx: Queryable, c: NewChange): Promise<number> {
    const res = await tx.query<{ seq: number }>(
      `WITH inserted AS (
         INSERT INTO alert_changes (alert_id, version, change, occurred_at, actor_user_id, actor_role, note, snapshot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING seq)
       UPDATE alerts SET last_seq = inserted.seq FROM inserted WHERE alert_id = $1 RETURNING inserted.seq`,
      [
        c.alertId,
        c.version,
        c.change,
        c.occurredAt,
        c.actorUserId,
        c.actorRole,
        c.note,
        JSON.stringify(c.snapshot),
      ],
    );
    const seq = res.rows[0]?.seq;
    if (seq === undefined) throw new Error('alert change was not recorded');
    return seq;
  }

  /** Changes after `afterSeq` in the scope, oldest first: what a reconnecting client missed. */
  async changesAfter(
    db: Queryable,
    afterSeq: number,
    scope: readonly string[],
    limit: number,
  ): Promise<AlertChangeRow[]> {
    const res = await db.query<AlertChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM alert_changes c JOIN alerts a ON a.alert_id = c.alert_id
       WHERE c.seq > $1 AND (cardinality($2::text[]) = 0 OR a.county = ANY($2) OR a.township = ANY($2))
       ORDER BY c.seq LIMIT $3`,
      [afterSeq, scope, limit],
    );
    return res.rows;
  }

  /** Test and seed support: stores a new alert as raised, with its first change. */
  async insertAlert(tx: Queryable, a: Alert): Promise<void> {
    await tx.query(
      `INSERT INTO alerts (alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county, township, grid,
         lon, lat, escalation_level, raised_at, updated_at, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        a.alertId,
        a.dedupKey,
        a.ruleId,
        a.ruleVersion,
        a.colour,
        a.state,
        a.version,
        a.title,
        a.region.county,
        a.region.township ?? null,
        a.region.grid ?? null,
        a.location?.lon ?? null,
        a.location?.lat ?? null,
        a.escalationLevel,
        a.raisedAt,
        a.updatedAt,
        JSON.stringify(a.explanation),
      ],
    );
  }
}
