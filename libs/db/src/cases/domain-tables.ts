import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import { caseClockRuleRows, caseDeadlinesOf, caseStepRows } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type Queryable } from '../transaction';

/** A rule set and the version it is stored as (null: the default set, before any is stored). */
export interface VersionedRuleSet {
  readonly version: number | null;
  readonly body: RuleSetInput;
}

const EXISTING = `SELECT to_regclass('case_steps') IS NOT NULL AS steps,
                         to_regclass('case_clock_rules') IS NOT NULL AS clocks,
                         to_regclass('rule_sets') IS NOT NULL AS rule_sets`;

const WRITE_STEPS = `INSERT INTO case_steps (event_type, from_states, to_state)
SELECT event_type, from_states, to_state
FROM jsonb_to_recordset($1::jsonb) AS r(event_type text, from_states text[], to_state text)`;

const WRITE_CLOCKS = `INSERT INTO case_clock_rules (clock, rule_id, start_on, stop_on, due_unit, due_count,
                                                    rule_set_version, synced_at)
SELECT clock, rule_id, start_on, stop_on, due_unit, due_count, $2, now()
FROM jsonb_to_recordset($1::jsonb)
  AS r(clock text, rule_id text, start_on text, stop_on text[], due_unit text, due_count integer)`;

/** pg_advisory_xact_lock key of the writers of the domain tables. */
export const DOMAIN_TABLES_LOCK_KEY = 7_261_219;

/** The active rule set as stored, or the default one when none is active or it does not parse. */
export async function activeRuleSet(db: Queryable): Promise<VersionedRuleSet> {
  const res = await db.query<{ version: number; body: unknown }>(
    `SELECT version, body FROM rule_sets WHERE status = 'active'`,
  );
  const row = res.rows[0];
  const parsed = row === undefined ? undefined : ruleSetSchema.safeParse(row.body);
  return row !== undefined && parsed?.success === true
    ? { version: row.version, body: parsed.data }
    : { version: null, body: DEFAULT_RULE_SET };
}

/**
 * Writes the SQL copies of @fengqiao/domain's tables that the cases projection reads: the case
 * lifecycle (`case_steps`) and the clocks of `ruleSet` (`case_clock_rules`; the active rule set when
 * not given). Run by the migrator after every `up` and by the rule-set activation, in the caller's
 * transaction. False (and nothing written) on a database whose migrations have not created them.
 */
export async function syncDomainTables(db: Queryable, ruleSet?: VersionedRuleSet): Promise<boolean> {
  const has = (await db.query<{ steps: boolean; clocks: boolean; rule_sets: boolean }>(EXISTING)).rows[0];
  if (has === undefined || !has.steps || !has.clocks) return false;
  // Writers one at a time (migrator, activation, API start), each reading the set under the lock.
  await db.query('SELECT pg_advisory_xact_lock($1)', [DOMAIN_TABLES_LOCK_KEY]);
  const set =
    ruleSet ?? (has.rule_sets ? await activeRuleSet(db) : { version: null, body: DEFAULT_RULE_SET });
  const steps = caseStepRows().map((s) => ({
    event_type: s.eventType,
    from_states: s.fromStates,
    to_state: s.toState,
  }));
  const clocks = caseClockRuleRows(caseDeadlinesOf(set.body)).map((c) => ({
    clock: c.clock,
    rule_id: c.ruleId,
    start_on: c.startOn,
    stop_on: c.stopOn,
    due_unit: c.dueUnit,
    due_count: c.dueCount,
  }));
  await db.query('DELETE FROM case_steps');
  await db.query(WRITE_STEPS, [JSON.stringify(steps)]);
  await db.query('DELETE FROM case_clock_rules');
  await db.query(WRITE_CLOCKS, [JSON.stringify(clocks), set.version]);
  return true;
}
