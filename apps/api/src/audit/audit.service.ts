import { Injectable } from '@nestjs/common';
import { type AuthUser } from '../auth/auth-user';
import { type Queryable } from '../infra/database';
import { type AuditEntry, chainHash, GENESIS_HASH } from './audit-chain';
import { AuditRepository, type AuditRow } from './audit.repository';

export interface AuditVerdict {
  readonly ok: boolean;
  readonly rows: number;
  /** The first row whose hash or link does not match; everything after it is suspect too. */
  readonly firstBadSeq: number | null;
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  /** Appends inside the caller's transaction, so the audit row commits (or not) with the change. */
  async record(tx: Queryable, entry: AuditEntry): Promise<void> {
    await this.audit.lockChain(tx);
    const prev = (await this.audit.lastHash(tx)) ?? GENESIS_HASH;
    await this.audit.insert(tx, entry, prev, chainHash(prev, entry));
  }

  /** `record` for a change a signed-in user made to a versioned thing (rule set, routing table). */
  recordByUser(
    tx: Queryable,
    user: AuthUser,
    what: { at: Date; action: string; targetType: string; version: number },
    detail: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    return this.record(tx, {
      occurredAt: what.at,
      actorUserId: user.userId,
      actorRole: user.role,
      action: what.action,
      targetType: what.targetType,
      targetId: String(what.version),
      detail,
    });
  }

  /** Walks the whole chain in seq order, recomputing every hash. */
  async verify(db: Queryable): Promise<AuditVerdict> {
    let prev = GENESIS_HASH;
    let after = 0;
    let rows = 0;
    for (;;) {
      const page = await this.audit.page(db, after, 1000);
      for (const row of page) {
        rows += 1;
        if (row.prev_hash !== prev || chainHash(prev, entryOf(row)) !== row.hash) {
          return { ok: false, rows, firstBadSeq: row.seq };
        }
        prev = row.hash;
        after = row.seq;
      }
      if (page.length < 1000) return { ok: true, rows, firstBadSeq: null };
    }
  }
}
