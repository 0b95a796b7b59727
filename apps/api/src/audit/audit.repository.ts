import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type AuditEntry } from './audit-chain';

/** Serializes appenders so each row chains from the one committed before it. */
const AUDIT_CHAIN_LOCK = 7_261_140;

export interface AuditRow {
  readonly seq: number;
  readonly occurred_at: Date;
  readonly actor_user_id: string;
  readonly actor_role: string;
  readonly action: string;
  readonly target_type: string;
  readonly target_id: string;
  readonly detail: Record<string, unknown>;
  readonly prev_hash: string;
  readonly hash: string;
}

@Injectable()
export class AuditRepository {
  /** Held until the transaction ends. */
  async lockChain(tx: Queryable): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  async lastHash(tx: Queryable): Promise<string | undefined> {
    const res = await tx.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    return res.rows[0]?.hash;
  }

  async insert(tx: Queryable, entry: AuditEntry, prevHash: string, hash: string): Promise<void> {
    await tx.query(
      `INSERT INTO audit_log (occurred_at, actor_user_id, actor_role, action, target_type, target_id, detail, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.occurredAt,
        entry.actorUserId,
        entry.actorRole,
        entry.action,
        entry.targetType,
        entry.targetId,
        JSON.stringify(entry.detail),
        prevHash,
        hash,
      ],
    );
  }

  async page(db: Queryable, afterSeq: number, limit: number): Promise<AuditRow[]> {
    const res = await db.query<AuditRow>(
      `SELECT seq, occurred_at, actor_user_id, actor_role, action, target_type, target_id, detail, prev_hash, hash
       FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [afterSeq, limit],
    );
    return res.rows;
  }
}
