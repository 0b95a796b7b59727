import { type Alert, type AlertChangeKind } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';

/**
 * Written by one change: the alert row if this version is newer, then the change log row, which is
 * also the outbox: published_at NULL until the relay has handed it to Kafka.
 */
const UPSERT_ALERT = `
INSERT INTO alerts (alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county, township,
  grid, lon, lat, escalation_level, raised_at, updated_at, acknowledged_at, resolved_at, outcome, explanation)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
ON CONFLICT (alert_id) DO UPDATE SET
  rule_version = EXCLUDED.rule_version, colour = EXCLUDED.colour, state = EXCLUDED.state,
  version = EXCLUDED.version, title = EXCLUDED.title, escalation_level = EXCLUDED.escalation_level,
  updated_at = EXCLUDED.updated_at, acknowledged_at = EXCLUDED.acknowledged_at,
  resolved_at = EXCLUDED.resolved_at, outcome = EXCLUDED.outcome, explanation = EXCLUDED.explanation
WHERE alerts.version < EXCLUDED.version
RETURNING alert_id`;

const INSERT_CHANGE = `
INSERT INTO alert_changes (alert_id, version, change, occurred_at, actor_user_id, actor_role, note, snapshot,
  published_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
ON CONFLICT (alert_id, version) DO NOTHING
RETURNING seq`;

const SET_LAST_SEQ = `UPDATE alerts SET last_seq = $2 WHERE alert_id = $1 AND last_seq < $2`;

const SELECT_ALERT = `
SELECT alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county, township, grid, lon, lat,
  escalation_level, raised_at, updated_at, acknowledged_at, resolved_at, outcome, explanation
FROM alerts`;

interface AlertRow {
  alert_id: string;
  dedup_key: string;
  rule_id: string;
  rule_version: number;
  colour: Alert['colour'];
  state: Alert['state'];
  version: number;
  title: string;
  county: string;
  township: string | null;
  grid: string | null;
  lon: number | null;
  lat: number | null;
  escalation_level: Alert['escalationLevel'];
  raised_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  outcome: Alert['outcome'] | null;
  explanation: Alert['explanation'];
}

export interface ChangeToRecord {
  readonly change: AlertChangeKind;
  readonly alert: Alert;
  readonly actor?: { userId: string; role: string };
  readonly note?: string;
}

/** The alerts and alert_changes tables, one query per method. */
export class AlertsRepository {
  /** Upserts the alert if this version is newer than the stored one; false when it is not. */
  async upsertAlert(db: Queryable, a: Alert): Promise<boolean> {
    const r = await db.query(UPSERT_ALERT, [
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
    ]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Appends the change; returns its global seq, or undefined if this version was already recorded. */
  async insertChange(db: Queryable, c: ChangeToRecord): Promise<number | undefined> {
    const r = await db.query<{ seq: number }>(INSERT_CHANGE, [
      c.alert.alertId,
      c.alert.version,
      c.change,
      c.alert.updatedAt,
      c.actor?.userId ?? null,
      c.actor?.role ?? null,
      c.note ?? null,
      JSON.stringify(c.alert),
    ]);
    return r.rows[0]?.seq;
  }

  async setLastSeq(db: Queryable, alertId: string, seq: number): Promise<void> {
    await db.query(SET_LAST_SEQ, [alertId, seq]);
  }

  async findById(db: Queryable, alertId: string): Promise<Alert | undefined> {
    const r = await db.query<AlertRow>(`${SELECT_ALERT} WHERE alert_id = $1`, [alertId]);
    return r.rows[0] === undefined ? undefined : toAlert(r.rows[0]);
  }

  async findOpenByDedupKey(db: Queryable, dedupKey: string): Promise<Alert | undefined> {
    const r = await db.query<AlertRow>(
      `${SELECT_ALERT} WHERE dedup_key = $1 AND state NOT IN ('resolved', 'closed')`,
      [dedupKey],
    );
    return r.rows[0] === undefined ? undefined : toAlert(r.rows[0]);
  }

  /** Open alerts and those resolved since `since` (they may still be reopened): the engine's memory. */
  async findActive(db: Queryable, since: Date): Promise<Alert[]> {
    const r = await db.query<AlertRow>(
      `${SELECT_ALERT} WHERE state NOT IN ('resolved', 'closed') OR resolved_at >= $1 ORDER BY raised_at, alert_id`,
      [since],
    );
    return r.rows.map(toAlert);
  }
}

function toAlert(r: AlertRow): Alert {
  const region: Alert['region'] = { county: r.county };
  if (r.township !== null) region.township = r.township;
  if (r.grid !== null) region.grid = r.grid;
  const alert: Alert = {
    alertId: r.alert_id,
    dedupKey: r.dedup_key,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    colour: r.colour,
    state: r.state,
    version: r.version,
    title: r.title,
    region,
    escalationLevel: r.escalation_level,
    raisedAt: r.raised_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    explanation: r.explanation,
  };
  if (r.lon !== null && r.lat !== null) alert.location = { lon: r.lon, lat: r.lat };
  if (r.acknowledged_at !== null) alert.acknowledgedAt = r.acknowledged_at.toISOString();
  if (r.resolved_at !== null) alert.resolvedAt = r.resolved_at.toISOString();
  if (r.outcome !== null) alert.outcome = r.outcome;
  return alert;
}
