import { Injectable } from '@nestjs/common';
import { type AuditEntryView, type AuditListQuery } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';

const LIST = `
SELECT seq::int AS seq, occurred_at, actor_user_id, actor_role, action, target_type, target_id, detail
FROM audit_log
WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR actor_user_id = $2)
  AND ($3::text IS NULL OR target_type = $3) AND ($4::text IS NULL OR target_id = $4)
  AND ($5::bigint IS NULL OR seq < $5)
ORDER BY seq DESC LIMIT $6`;

interface Row {
  seq: number;
  occurred_at: Date;
  actor_user_id: string;
  actor_role: string;
  action: string;
  target_type: string;
  target_id: string;
  detail: Record<string, unknown>;
}

/** The audit log as the auditor reads it, newest first (the chain itself is the audit module's). */
@Injectable()
export class AuditLogRepository {
  async list(db: Queryable, q: AuditListQuery): Promise<AuditEntryView[]> {
    const { rows } = await db.query<Row>(LIST, [
      q.action ?? null,
      q.actorUserId ?? null,
      q.targetType ?? null,
      q.targetId ?? null,
      q.beforeSeq ?? null,
      q.limit,
    ]);
    return rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: r.detail,
    }));
  }
}
