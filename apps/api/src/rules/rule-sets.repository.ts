import { Injectable } from '@nestjs/common';
import { type RuleSet, type RuleSetStatus, type RuleSetSummary } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';

const COLUMNS = `version, name, status, comment, proposed_by, proposed_at, activated_by, activated_at,
  jsonb_array_length(body->'rules') AS rules`;

export interface RuleSetRow {
  readonly version: number;
  readonly name: string;
  readonly status: RuleSetStatus;
  readonly comment: string;
  readonly proposed_by: string;
  readonly proposed_at: Date;
  readonly activated_by: string | null;
  readonly activated_at: Date | null;
  readonly rules: number;
}

export function toSummary(r: RuleSetRow): RuleSetSummary {
  return {
    version: r.version,
    name: r.name,
    status: r.status,
    rules: r.rules,
    proposedBy: r.proposed_by,
    proposedAt: r.proposed_at.toISOString(),
    activatedBy: r.activated_by,
    activatedAt: r.activated_at?.toISOString() ?? null,
    comment: r.comment,
  };
}

/** The rule_sets table, one query per method. */
@Injectable()
export class RuleSetsRepository {
  /** Version 1 = the lib's default set, when the table is empty (the warning service does the same). */
  async ensureDefault(db: Queryable, ruleSet: RuleSet): Promise<void> {
    await db.query(
      `INSERT INTO rule_sets (version, name, body, status, comment, proposed_by, proposed_at, activated_by, activated_at)
       SELECT 1, $1, $2, 'active', 'default rule set (libs/rules)', 'system', now(), 'system', now()
       WHERE NOT EXISTS (SELECT 1 FROM rule_sets)
       ON CONFLICT DO NOTHING`,
      [ruleSet.name, JSON.stringify(ruleSet)],
    );
  }

  async list(db: Queryable): Promise<RuleSetRow[]> {
    const r = await db.query<RuleSetRow>(`SELECT ${COLUMNS} FROM rule_sets ORDER BY version DESC LIMIT 200`);
    return r.rows;
  }

  async find(db: Queryable, version: number): Promise<(RuleSetRow & { body: unknown }) | undefined> {
    const r = await db.query<RuleSetRow & { body: unknown }>(
      `SELECT ${COLUMNS}, body FROM rule_sets WHERE version = $1`,
      [version],
    );
    return r.rows[0];
  }

  async findActive(db: Queryable): Promise<(RuleSetRow & { body: unknown }) | undefined> {
    const r = await db.query<RuleSetRow & { body: unknown }>(
      `SELECT ${COLUMNS}, body FROM rule_sets WHERE status = 'active'`,
    );
    return r.rows[0];
  }

  /** Serializes proposals and activations (version numbers, the single active row). */
  async lock(tx: Queryable): Promise<void> {
    await tx.query(`LOCK TABLE rule_sets IN SHARE ROW EXCLUSIVE MODE`);
  }

  async nextVersion(tx: Queryable): Promise<number> {
    const r = await tx.query<{ next: number }>('SELECT coalesce(max(version), 0) + 1 AS next FROM rule_sets');
    return r.rows[0]?.next ?? 1;
  }

  async insertProposal(
    tx: Queryable,
    p: { version: number; body: RuleSet; comment: string; by: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO rule_sets (version, name, body, status, comment, proposed_by, proposed_at)
       VALUES ($1, $2, $3, 'proposed', $4, $5, $6)`,
      [p.version, p.body.name, JSON.stringify(p.body), p.comment, p.by, p.at],
    );
  }

  async retireActive(tx: Queryable, at: Date): Promise<number | undefined> {
    const r = await tx.query<{ version: number }>(
      `UPDATE rule_sets SET status = 'retired', retired_at = $1 WHERE status = 'active' RETURNING version`,
      [at],
    );
    return r.rows[0]?.version;
  }

  async markActive(tx: Queryable, version: number, by: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE rule_sets SET status = 'active', activated_by = $2, activated_at = $3, retired_at = NULL
       WHERE version = $1`,
      [version, by, at],
    );
  }
}
