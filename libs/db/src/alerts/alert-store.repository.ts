import { type Alert, type AlertChangeKind } from '@fengqiao/contracts';
import { lockAlertChangeSequence } from '../alert-changes-lock';
import { type Queryable } from '../transaction';
import { type AlertChangeRow, type AlertRow } from './alert-rows';
import * as sql from './alert-store.sql';

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

export type ListedAlertRow = AlertRow & { readonly raised_micros: string };

/** The alerts of a period the quality figures are computed from (times as epoch ms). */
export interface AlertQualityFilter {
  readonly from: string;
  readonly to: string;
  readonly colours: readonly string[] | null;
  readonly region: string | null;
  readonly ruleId: string | null;
  /** The caller's scope; empty = city. */
  readonly scope: readonly string[];
  readonly limit: number;
}

export interface AlertQualityFactRow {
  readonly rule_id: string;
  readonly colour: Alert['colour'];
  readonly county: string;
  readonly township: string | null;
  readonly raised_ms: number;
  readonly acknowledged_ms: number | null;
  readonly resolved_ms: number | null;
  readonly outcome: Alert['outcome'] | null;
}

/** One change to record: the alert as it now is, and who made the change (none: the engine). */
export interface NewAlertChange {
  readonly change: AlertChangeKind;
  readonly alert: Alert;
  readonly occurredAt: Date;
  readonly actor?: { readonly userId: string; readonly role: string };
  readonly note?: string;
}

/**
 * The one owner of `alerts` and `alert_changes` (the warning service's engine, the API's officers,
 * the live replay and the outbox relay all go through it), one statement per method.
 */
export class AlertStore {
  async list(db: Queryable, f: AlertFilter): Promise<ListedAlertRow[]> {
    const res = await db.query<ListedAlertRow>(sql.LIST, [
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
    ]);
    return res.rows;
  }

  async qualityFacts(db: Queryable, f: AlertQualityFilter): Promise<AlertQualityFactRow[]> {
    const res = await db.query<AlertQualityFactRow>(sql.QUALITY_FACTS, [
      f.from,
      f.to,
      f.colours,
      f.region,
      f.ruleId,
      f.scope,
      f.limit,
    ]);
    return res.rows;
  }

  async findById(db: Queryable, alertId: string): Promise<AlertRow | undefined> {
    return (await db.query<AlertRow>(sql.BY_ID, [alertId])).rows[0];
  }

  /** The row locked to the end of the transaction: the officer's transition decides on it. */
  async lockById(tx: Queryable, alertId: string): Promise<AlertRow | undefined> {
    return (await tx.query<AlertRow>(sql.LOCK_BY_ID, [alertId])).rows[0];
  }

  async findOpenByDedupKey(db: Queryable, dedupKey: string): Promise<AlertRow | undefined> {
    return (await db.query<AlertRow>(sql.OPEN_BY_DEDUP_KEY, [dedupKey])).rows[0];
  }

  /** Open alerts and those resolved since `since` (they may still be reopened): the engine's memory. */
  async findActive(db: Queryable, since: Date): Promise<AlertRow[]> {
    return (await db.query<AlertRow>(sql.ACTIVE_SINCE, [since])).rows;
  }

  /** The open alerts a scope sees, newest first: the snapshot a resynchronising client starts from. */
  async openInScope(db: Queryable, scope: readonly string[], limit: number): Promise<AlertRow[]> {
    return (await db.query<AlertRow>(sql.OPEN_IN_SCOPE, [scope, limit])).rows;
  }

  async history(db: Queryable, alertId: string): Promise<AlertChangeRow[]> {
    return (await db.query<AlertChangeRow>(sql.HISTORY, [alertId])).rows;
  }

  async findChange(db: Queryable, alertId: string, version: number): Promise<AlertChangeRow | undefined> {
    return (await db.query<AlertChangeRow>(sql.CHANGE_OF_VERSION, [alertId, version])).rows[0];
  }

  /** Changes after `afterSeq` in the scope, oldest first: what a reconnecting client missed. */
  async changesAfter(
    db: Queryable,
    afterSeq: number,
    scope: readonly string[],
    limit: number,
  ): Promise<AlertChangeRow[]> {
    return (await db.query<AlertChangeRow>(sql.CHANGES_AFTER, [afterSeq, scope, limit])).rows;
  }

  /** The seq of the newest change there is (0 when none). */
  async latestSeq(db: Queryable): Promise<number> {
    const res = await db.query<{ seq: number }>(sql.LATEST_SEQ);
    return Number(res.rows[0]?.seq ?? 0);
  }

  /** Stores a new alert as it is (seeds and tests; the engine uses `upsertAlert`). */
  async insertAlert(tx: Queryable, a: Alert): Promise<void> {
    await tx.query(sql.INSERT_ALERT, alertParams(a));
  }

  /** Upserts the alert if this version is newer than the stored one; false when it is not. */
  async upsertAlert(tx: Queryable, a: Alert): Promise<boolean> {
    return ((await tx.query(sql.UPSERT_ALERT, alertParams(a))).rowCount ?? 0) > 0;
  }

  /** Compare-and-set on version: undefined means someone else changed it first. */
  async applyState(tx: Queryable, next: Alert, expectedVersion: number): Promise<AlertRow | undefined> {
    const res = await tx.query<AlertRow>(sql.APPLY_STATE, [
      next.alertId,
      expectedVersion,
      next.state,
      next.version,
      next.updatedAt,
      next.acknowledgedAt ?? null,
      next.resolvedAt ?? null,
      next.outcome ?? null,
      next.escalationLevel,
    ]);
    return res.rows[0];
  }

  /**
   * Records the change as an outbox row and its seq on the alert; undefined when this version was
   * already recorded. Takes the seq lock first: seqs commit in the order they are drawn.
   */
  async appendChange(tx: Queryable, c: NewAlertChange): Promise<number | undefined> {
    await lockAlertChangeSequence(tx);
    const res = await tx.query<{ seq: number }>(sql.APPEND_CHANGE, [
      c.alert.alertId,
      c.alert.version,
      c.change,
      c.occurredAt,
      c.actor?.userId ?? null,
      c.actor?.role ?? null,
      c.note ?? null,
      JSON.stringify(c.alert),
    ]);
    const seq = res.rows[0]?.seq;
    return seq === undefined ? undefined : Number(seq);
  }

  /** Unpublished changes in seq order, locked until the relay's transaction ends. */
  async pendingChanges(tx: Queryable, limit: number): Promise<AlertChangeRow[]> {
    return (await tx.query<AlertChangeRow>(sql.PENDING, [limit])).rows;
  }

  async markPublished(tx: Queryable, seqs: readonly number[]): Promise<void> {
    if (seqs.length > 0) await tx.query(sql.MARK_PUBLISHED, [seqs]);
  }

  /** A row that cannot be published as a valid message: out of the queue, its reason kept. */
  async setAside(tx: Queryable, seq: number, reason: string): Promise<void> {
    await tx.query(sql.SET_ASIDE, [seq, reason.slice(0, 2000)]);
  }
}

function alertParams(a: Alert): unknown[] {
  return [
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
    a.acknowledgedAt ?? null,
    a.resolvedAt ?? null,
    a.outcome ?? null,
    JSON.stringify(a.explanation),
  ];
}
