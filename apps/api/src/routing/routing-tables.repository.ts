import { Injectable } from '@nestjs/common';
import { type RoutingRuleBody, type RoutingTableStatus, type RoutingTableSummary } from '@fengqiao/contracts';
import { type RoutingRule } from '@fengqiao/intake';
import { type Queryable } from '../infra/database';

const COLUMNS = `version, status, note, created_by, created_at, activated_by, activated_at,
  jsonb_array_length(rules) AS rule_count`;

export interface RoutingTableRow {
  readonly version: number;
  readonly status: RoutingTableStatus;
  readonly note: string;
  readonly created_by: string;
  readonly created_at: Date;
  readonly activated_by: string | null;
  readonly activated_at: Date | null;
  readonly rule_count: number;
}

/** As stored: `rules` is whatever the column holds, parsed by the caller before use. */
export type RoutingTableRowWithRules = RoutingTableRow & { readonly rules: unknown };

export function toSummary(r: RoutingTableRow): RoutingTableSummary {
  return {
    version: r.version,
    status: r.status,
    ruleCount: r.rule_count,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    activatedBy: r.activated_by,
    activatedAt: r.activated_at?.toISOString() ?? null,
  };
}

/** The routing_tables table, one query per method. */
@Injectable()
export class RoutingTablesRepository {
  /** Version 1 = the lib's default table, active, when the table is empty (concurrent starts: one wins). */
  async ensureDefault(db: Queryable, rules: readonly RoutingRule[]): Promise<void> {
    await db.query(
      `INSERT INTO routing_tables (version, rules, status, note, created_by, created_at, activated_by, activated_at)
       SELECT 1, $1, 'active', 'default routing table (libs/intake)', 'system', now(), 'system', now()
       WHERE NOT EXISTS (SELECT 1 FROM routing_tables)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rules)],
    );
  }

  async list(db: Queryable): Promise<RoutingTableRow[]> {
    const r = await db.query<RoutingTableRow>(
      `SELECT ${COLUMNS} FROM routing_tables ORDER BY version DESC LIMIT 200`,
    );
    return r.rows;
  }

  async find(db: Queryable, version: number): Promise<RoutingTableRowWithRules | undefined> {
    const r = await db.query<RoutingTableRowWithRules>(
      `SELECT ${COLUMNS}, rules FROM routing_tables WHERE version = $1`,
      [version],
    );
    return r.rows[0];
  }

  /** The active version's number only: what the poll compares (one row by the partial unique index). */
  async activeVersion(db: Queryable): Promise<number | undefined> {
    const r = await db.query<{ version: number }>(
      `SELECT version FROM routing_tables WHERE status = 'active'`,
    );
    return r.rows[0]?.version;
  }

  /** Serializes proposals and activations (version numbers, the single active row). */
  async lock(tx: Queryable): Promise<void> {
    await tx.query(`LOCK TABLE routing_tables IN SHARE ROW EXCLUSIVE MODE`);
  }

  async nextVersion(tx: Queryable): Promise<number> {
    const r = await tx.query<{ next: number }>(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM routing_tables',
    );
    return r.rows[0]?.next ?? 1;
  }

  async insertProposal(
    tx: Queryable,
    p: { version: number; rules: readonly RoutingRuleBody[]; note: string; by: string; at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO routing_tables (version, rules, status, note, created_by, created_at)
       VALUES ($1, $2, 'proposed', $3, $4, $5)`,
      [p.version, JSON.stringify(p.rules), p.note, p.by, p.at],
    );
  }

  async retireActive(tx: Queryable, at: Date): Promise<number | undefined> {
    const r = await tx.query<{ version: number }>(
      `UPDATE routing_tables SET status = 'retired', retired_at = $1 WHERE status = 'active' RETURNING version`,
      [at],
    );
    return r.rows[0]?.version;
  }

  async markActive(tx: Queryable, version: number, by: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE routing_tables SET status = 'active', activated_by = $2, activated_at = $3, retired_at = NULL
       WHERE version = $1`,
      [version, by, at],
    );
  }
}
