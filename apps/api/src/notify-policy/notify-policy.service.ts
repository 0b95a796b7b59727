import { Inject, Injectable } from '@nestjs/common';
import {
  type ActivateNotificationPolicyRequest,
  type ActivateNotificationPolicyResponse,
  type NotificationPolicy,
  type NotificationPolicyDetail,
  type NotificationPolicyList,
  type NotificationPolicySummary,
  type ProposeNotificationPolicyRequest,
} from '@fengqiao/contracts';
import { ActiveVersionCache, type VersionRow } from '@fengqiao/db';
import { NotificationPolicyError, parseNotificationPolicy } from '@fengqiao/notify';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { VersionedDocumentService } from '../versioned/versioned-documents.service';
import { NOTIFICATION_POLICY_VERSIONS } from '../versioned/versioned-tables';

/** A stored or proposed policy that does not parse answers VALIDATION_FAILED, naming each problem. */
function validPolicy(raw: unknown): NotificationPolicy {
  try {
    return parseNotificationPolicy(raw);
  } catch (err: unknown) {
    if (err instanceof NotificationPolicyError)
      throw new ApiError('VALIDATION_FAILED', 'invalid notification policy', [...err.problems]);
    throw err;
  }
}

function toSummary(r: VersionRow): NotificationPolicySummary {
  return {
    version: r.version,
    status: r.status,
    entries: r.size,
    note: r.note,
    proposedBy: r.proposedBy,
    proposedAt: r.proposedAt.toISOString(),
    activatedBy: r.activatedBy,
    activatedAt: r.activatedAt?.toISOString() ?? null,
  };
}

/**
 * Notification-policy versions (issue 19): the active one, the list, one version, propose, activate
 * (audited), through the same versioned-document store and service as rule sets, routing tables and
 * rosters. The notify service reads the active version through the same active-version cache.
 */
@Injectable()
export class NotifyPolicyService {
  private readonly cache: ActiveVersionCache<NotificationPolicy>;
  private readonly versions: VersionedDocumentService<NotificationPolicy>;

  constructor(db: Database, audit: AuditService, @Inject(CLOCK) clock: Clock) {
    this.cache = new ActiveVersionCache(db.pool, NOTIFICATION_POLICY_VERSIONS, validPolicy);
    this.versions = new VersionedDocumentService(db, NOTIFICATION_POLICY_VERSIONS, audit, clock, {
      targetType: 'notification-policy',
      auditPrefix: 'notify.policy',
      validate: validPolicy,
      cache: this.cache,
    });
  }

  /** The active version (one indexed query; the document reloaded only when another is active). */
  async active(): Promise<NotificationPolicyDetail> {
    const active = await this.cache.refresh();
    if (active === undefined) throw new ApiError('NOT_FOUND', 'no notification policy is active');
    return this.detail(active.version);
  }

  async list(): Promise<NotificationPolicyList> {
    return { items: (await this.versions.list()).map(toSummary) };
  }

  async detail(version: number): Promise<NotificationPolicyDetail> {
    const row = await this.versions.find(version);
    return { ...toSummary(row), policy: validPolicy(row.document) };
  }

  /** Stores a new version, proposed: nobody is notified differently until it is activated. */
  async propose(user: AuthUser, req: ProposeNotificationPolicyRequest): Promise<NotificationPolicyDetail> {
    const policy = validPolicy(req.policy);
    const version = await this.versions.propose(user, () => ({
      document: policy,
      note: req.note,
      audit: { note: req.note, regions: policy.regions.length },
    }));
    return this.detail(version);
  }

  /** Makes `version` the active policy and retires the previous, audited in the same transaction. */
  activate(
    user: AuthUser,
    version: number,
    req: ActivateNotificationPolicyRequest,
  ): Promise<ActivateNotificationPolicyResponse> {
    return this.versions.activate(user, version, (_row, previous) => ({
      previous,
      note: req.note ?? null,
    }));
  }
}
