import { type Queryable } from '../transaction';
import { type VersionedTableSpec, type VersionRow, type VersionRowWithDocument } from './versioned-table';

/**
 * One table of versioned documents (rule sets, routing tables, duty rosters, notification policies): proposed, one active at a time (a partial unique index), retired. One query per method.
 */
export class VersionedDocumentsRepository {
  private readonly columns: string;

  constructor(readonly spec: VersionedTableSpec) {
    const s = spec;
    this.columns = `version, status, ${s.label ?? 'NULL::text'} AS label, ${s.note} AS note,
      ${s.proposedBy} AS "proposedBy", ${s.proposedAt} AS "proposedAt", activated_by AS "activatedBy",
      activated_at AS "activatedAt", ${s.size} AS size`;
  }

  /** Version 1 = the given default, active, when the table is empty (concurrent starts: one wins). */
  async ensureDefault(db: Queryable, p: { document: unknown; label?: string; note: string }): Promise<void> {
    const s = this.spec;
    const label = s.label === undefined ? '' : `${s.label}, `;
    await db.query(
      `INSERT INTO ${s.table} (version, ${label}${s.document}, status, ${s.note}, ${s.proposedBy}, ${s.proposedAt}, activated_by, activated_at)
       SELECT 1, ${s.label === undefined ? '' : '$3, '}$1, 'active', $2, 'system', now(), 'system', now()
       WHERE NOT EXISTS (SELECT 1 FROM ${s.table})
       ON CONFLICT DO NOTHING`,
      s.label === undefined
        ? [JSON.stringify(p.document), p.note]
        : [JSON.stringify(p.document), p.note, p.label ?? ''],
    );
  }

  async list(db: Queryable): Promise<VersionRow[]> {
    const r = await db.query<VersionRow>(
      `SELECT ${this.columns} FROM ${this.spec.table} ORDER BY version DESC LIMIT 200`,
    );
    return r.rows;
  }

  async find(db: Queryable, version: number): Promise<VersionRowWithDocument | undefined> {
    const r = await db.query<VersionRowWithDocument>(
      `SELECT ${this.columns}, ${this.spec.document} AS document FROM ${this.spec.table} WHERE version = $1`,
      [version],
    );
    return r.rows[0];
  }

  /** The active version's number only: what a poll compares (versions are immutable). */
  async activeVersion(db: Queryable): Promise<number | undefined> {
    const r = await db.query<{ version: number }>(
      `SELECT version FROM ${this.spec.table} WHERE status = 'active'`,
    );
    return r.rows[0]?.version;
  }

  /** Serializes proposals and activations (version numbers, the single active row). */
  async lock(tx: Queryable): Promise<void> {
    await tx.query(`LOCK TABLE ${this.spec.table} IN SHARE ROW EXCLUSIVE MODE`);
  }

  async nextVersion(tx: Queryable): Promise<number> {
    const r = await tx.query<{ next: number }>(
      `SELECT coalesce(max(version), 0) + 1 AS next FROM ${this.spec.table}`,
    );
    return r.rows[0]?.next ?? 1;
  }

  async insertProposal(
    tx: Queryable,
    p: { version: number; document: unknown; label?: string; note: string; by: string; at: Date },
  ): Promise<void> {
    const s = this.spec;
    const label = s.label === undefined ? '' : `, ${s.label}`;
    await tx.query(
      `INSERT INTO ${s.table} (version, ${s.document}, status, ${s.note}, ${s.proposedBy}, ${s.proposedAt}${label})
       VALUES ($1, $2, 'proposed', $3, $4, $5${s.label === undefined ? '' : ', $6'})`,
      [
        p.version,
        JSON.stringify(p.document),
        p.note,
        p.by,
        p.at,
        ...(s.label === undefined ? [] : [p.label ?? '']),
      ],
    );
  }

  /** Retires the active version, if any, and says which it was. */
  async retireActive(tx: Queryable, at: Date): Promise<number | undefined> {
    const r = await tx.query<{ version: number }>(
      `UPDATE ${this.spec.table} SET status = 'retired', retired_at = $1 WHERE status = 'active' RETURNING version`,
      [at],
    );
    return r.rows[0]?.version;
  }

  async markActive(tx: Queryable, version: number, by: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE ${this.spec.table} SET status = 'active', activated_by = $2, activated_at = $3, retired_at = NULL
       WHERE version = $1`,
      [version, by, at],
    );
  }
}
