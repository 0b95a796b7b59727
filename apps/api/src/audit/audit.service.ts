import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type AuthUser } from '../auth/auth-user';
import { type Queryable } from '../infra/database';
import { CONFIG } from '../infra/tokens';
import { type AuditEntry, chainHash, GENESIS_HASH } from './audit-chain';
import { AuditCheckpointsRepository, checkpointOf } from './audit-checkpoints.repository';
import { type BrokenCheckpoint, CheckpointMatcher } from './audit-verification';
import { AuditRepository, type AuditRow } from './audit.repository';

export interface AuditVerdict {
  readonly ok: boolean;
  readonly rows: number;
  /** The first row whose hash or link does not match; everything after it is suspect too. */
  readonly firstBadSeq: number | null;
}

/** The verdict with the signed checkpoints' part (verify-audit prints it). */
export interface AuditReport extends AuditVerdict {
  readonly checkpoints: number;
  /** The first checkpoint the log does not match (a cut tail, a rewritten row, a forged anchor). */
  readonly brokenCheckpoint: BrokenCheckpoint | null;
  readonly lastCheckpointAt: Date | null;
  /** Rows newer than the newest checkpoint: a cut of only these would not show (yet). */
  readonly unanchoredRows: number;
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
  constructor(
    private readonly audit: AuditRepository,
    private readonly checkpoints: AuditCheckpointsRepository,
    @Inject(CONFIG) private readonly config: Pick<FengqiaoConfig, 'api'>,
  ) {}

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

  /** Walks the whole chain in seq order, recomputing every hash and matching every checkpoint. */
  async verify(db: Queryable): Promise<AuditReport> {
    const stored = (await this.checkpoints.list(db)).map((r) => ({ ...checkpointOf(r), id: r.id }));
    const matcher = new CheckpointMatcher(this.config.api.auditSigningKey, stored);
    const newest = stored.at(-1)?.throughSeq ?? 0;
    let prev = GENESIS_HASH;
    let after = 0;
    let rows = 0;
    let unanchoredRows = 0;
    let firstBadSeq: number | null = null;
    for (;;) {
      const page = await this.audit.page(db, after, 1000);
      for (const row of page) {
        const seq = Number(row.seq);
        rows += 1;
        if (seq > newest) unanchoredRows += 1;
        if (firstBadSeq === null && (row.prev_hash !== prev || chainHash(prev, entryOf(row)) !== row.hash))
          firstBadSeq = seq;
        matcher.visit(seq, row.hash);
        prev = row.hash;
        after = seq;
      }
      if (page.length < 1000) break;
    }
    matcher.finish(after);
    const broken = matcher.broken;
    return {
      ok: firstBadSeq === null && broken === null,
      rows,
      firstBadSeq: firstBadSeq ?? broken?.throughSeq ?? null,
      checkpoints: stored.length,
      brokenCheckpoint: broken,
      lastCheckpointAt:
        stored.length === 0 ? null : stored.reduce((a, b) => (b.signedAt > a.signedAt ? b : a)).signedAt,
      unanchoredRows,
    };
  }
}
