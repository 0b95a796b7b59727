import { FINISHED_ALERT_STATES } from '@fengqiao/domain';

/** The SQL of the alert store, one statement per repository method (reviewed here in one place). */

const CHANGE_COLUMNS =
  'c.seq, c.alert_id, c.version, c.change, c.occurred_at, c.actor_user_id, c.actor_role, c.note, c.snapshot';

/** A caller's regions: empty = the whole city. `$n` is a text[] of county or township codes. */
const inScope = (n: number): string =>
  `(cardinality($${n}::text[]) = 0 OR a.county = ANY($${n}) OR a.township = ANY($${n}))`;

/** Open: not finished, by the domain's one definition (libs/domain FINISHED_ALERT_STATES). */
export const OPEN = `a.state NOT IN (${FINISHED_ALERT_STATES.map((s) => `'${s}'`).join(', ')})`;

export const LIST = `
SELECT a.*, (extract(epoch FROM raised_at) * 1000000)::bigint::text AS raised_micros FROM alerts a
WHERE ($1::text[] IS NULL OR colour = ANY($1)) AND ($2::text[] IS NULL OR state = ANY($2))
  AND ($3::text IS NULL OR county = $3 OR township = $3) AND ($4::text IS NULL OR rule_id = $4)
  AND ($5::timestamptz IS NULL OR raised_at >= $5) AND ($6::timestamptz IS NULL OR raised_at < $6)
  AND ${inScope(7)}
  AND ($8::bigint IS NULL OR (raised_at, alert_id) < (timestamptz 'epoch' + $8::bigint * interval '1 microsecond', $9::uuid))
ORDER BY raised_at DESC, alert_id DESC LIMIT $10`;

/** What the quality figures need of each alert raised in a period (issue 20), newest first, bounded. */
export const QUALITY_FACTS = `
SELECT rule_id, colour, county, township, (extract(epoch FROM raised_at) * 1000)::float8 AS raised_ms,
  (extract(epoch FROM acknowledged_at) * 1000)::float8 AS acknowledged_ms,
  (extract(epoch FROM resolved_at) * 1000)::float8 AS resolved_ms, outcome
FROM alerts a
WHERE raised_at >= $1 AND raised_at < $2 AND ($3::text[] IS NULL OR colour = ANY($3))
  AND ($4::text IS NULL OR county = $4 OR township = $4) AND ($5::text IS NULL OR rule_id = $5)
  AND ${inScope(6)}
ORDER BY raised_at DESC LIMIT $7`;

export const BY_ID = 'SELECT * FROM alerts a WHERE alert_id = $1';
export const LOCK_BY_ID = `${BY_ID} FOR UPDATE`;
export const OPEN_BY_DEDUP_KEY = `SELECT * FROM alerts a WHERE dedup_key = $1 AND ${OPEN}`;
export const ACTIVE_SINCE = `SELECT * FROM alerts a WHERE ${OPEN} OR resolved_at >= $1 ORDER BY raised_at, alert_id`;
export const OPEN_IN_SCOPE = `SELECT * FROM alerts a WHERE ${OPEN} AND ${inScope(1)}
ORDER BY raised_at DESC, alert_id DESC LIMIT $2`;

/** An alert's changes with the display name of each acting account (the console names people). */
export const HISTORY = `
SELECT ${CHANGE_COLUMNS}, u.display_name AS actor_name
  FROM alert_changes c LEFT JOIN users u ON u.user_id::text = c.actor_user_id
 WHERE c.alert_id = $1 ORDER BY c.seq`;
export const CHANGE_OF_VERSION = `SELECT ${CHANGE_COLUMNS} FROM alert_changes c WHERE c.alert_id = $1 AND c.version = $2`;
export const CHANGES_AFTER = `
SELECT ${CHANGE_COLUMNS} FROM alert_changes c JOIN alerts a ON a.alert_id = c.alert_id
WHERE c.seq > $1 AND ${inScope(2)} ORDER BY c.seq LIMIT $3`;
/** The newest change of all (not of a page, not of a scope): where a resynchronised client resumes. */
export const LATEST_SEQ = 'SELECT coalesce(max(seq), 0)::bigint AS seq FROM alert_changes';

const ALERT_COLUMNS = `alert_id, dedup_key, rule_id, rule_version, colour, state, version, title, county, township,
  grid, lon, lat, escalation_level, raised_at, updated_at, acknowledged_at, resolved_at, outcome, explanation`;
const ALERT_VALUES =
  '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20';

export const INSERT_ALERT = `INSERT INTO alerts (${ALERT_COLUMNS}) VALUES (${ALERT_VALUES})`;

/** The engine's write: the alert row only if this version is newer than the stored one. */
export const UPSERT_ALERT = `${INSERT_ALERT}
ON CONFLICT (alert_id) DO UPDATE SET
  rule_version = EXCLUDED.rule_version, colour = EXCLUDED.colour, state = EXCLUDED.state,
  version = EXCLUDED.version, title = EXCLUDED.title, escalation_level = EXCLUDED.escalation_level,
  updated_at = EXCLUDED.updated_at, acknowledged_at = EXCLUDED.acknowledged_at,
  resolved_at = EXCLUDED.resolved_at, outcome = EXCLUDED.outcome, explanation = EXCLUDED.explanation
WHERE alerts.version < EXCLUDED.version
RETURNING alert_id`;

/** An officer's write: compare-and-set on the version the officer saw. */
export const APPLY_STATE = `
UPDATE alerts SET state = $3, version = $4, updated_at = $5, acknowledged_at = $6, resolved_at = $7, outcome = $8,
  escalation_level = $9
WHERE alert_id = $1 AND version = $2 RETURNING *`;

/**
 * Every change is an outbox row (published_at NULL) whatever the column's default says: the relay,
 * and nothing else, hands it to Kafka. A version already recorded inserts nothing.
 */
export const APPEND_CHANGE = `
WITH inserted AS (
  INSERT INTO alert_changes (alert_id, version, change, occurred_at, actor_user_id, actor_role, note, snapshot,
    published_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
  ON CONFLICT (alert_id, version) DO NOTHING
  RETURNING seq)
UPDATE alerts SET last_seq = inserted.seq FROM inserted
WHERE alert_id = $1 AND last_seq < inserted.seq RETURNING inserted.seq`;

export const PENDING = `
SELECT ${CHANGE_COLUMNS} FROM alert_changes c WHERE c.published_at IS NULL ORDER BY c.seq LIMIT $1 FOR UPDATE`;
export const MARK_PUBLISHED = 'UPDATE alert_changes SET published_at = now() WHERE seq = ANY($1::bigint[])';
export const SET_ASIDE = 'UPDATE alert_changes SET published_at = now(), publish_error = $2 WHERE seq = $1';
