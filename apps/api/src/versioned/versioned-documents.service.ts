import { Logger } from '@nestjs/common';
import {
  reviseActive,
  type Queryable,
  type Revised,
  type Revision,
  type VersionedDocumentsRepository,
  type VersionRow,
  type VersionRowWithDocument,
} from '@fengqiao/db';
import { type AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { type Database } from '../infra/database';

/** What differs between kinds of versioned document: names in messages and the audit log, the check. */
export interface VersionedKind<Doc> {
  /** In messages and as the audit target type, e.g. 'rule-set'. */
  readonly targetType: string;
  /** The audit actions are `<prefix>.propose` and `<prefix>.activate`. */
  readonly auditPrefix: string;
  /** Checks a stored or proposed document; throws VALIDATION_FAILED naming each problem. */
  readonly validate: (raw: unknown) => Doc;
  /** What must change with the activation, in its transaction (the rule set's SQL clock table). */
  readonly onActivate?: (tx: Queryable, document: Doc, version: number) => Promise<void>;
  /** This process's cache of the active version, reloaded once the activation committed. */
  readonly cache: { refresh(): Promise<unknown> };
}

/** A proposal as the kind builds it once it knows its version number. */
export interface Draft<Doc> {
  readonly document: Doc;
  readonly label?: string;
  readonly note: string;
  /** What the audit row records beside who and when. */
  readonly audit: Readonly<Record<string, unknown>>;
}

export interface Activation {
  readonly version: number;
  readonly previous: number | null;
  readonly activatedAt: string;
}

/**
 * Propose, activate and revise for every kind of versioned document (rule sets, routing tables, duty
 * rosters): under the
 * table lock, an already-active version answered as is, a retired one validated again before it
 * comes back, the previous one retired, and each change audited in the same transaction.
 */
export class VersionedDocumentService<Doc> {
  private readonly logger: Logger;

  constructor(
    private readonly db: Database,
    private readonly repo: VersionedDocumentsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly kind: VersionedKind<Doc>,
  ) {
    this.logger = new Logger(kind.auditPrefix);
  }

  list(): Promise<VersionRow[]> {
    return this.repo.list(this.db.pool);
  }

  async find(version: number): Promise<VersionRowWithDocument> {
    const row = await this.repo.find(this.db.pool, version);
    if (row === undefined) throw new ApiError('NOT_FOUND', `no ${this.kind.targetType} version ${version}`);
    return row;
  }

  /** Stores a new version, proposed; `draft` builds it from the next free number. Returns the number. */
  async propose(user: AuthUser, draft: (version: number) => Draft<Doc>): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      await this.repo.lock(tx);
      const version = await this.repo.nextVersion(tx);
      const d = draft(version);
      await this.repo.insertProposal(tx, { version, ...d, by: user.username, at: now });
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: `${this.kind.auditPrefix}.propose`, targetType: this.kind.targetType, version },
        d.audit,
      );
      return version;
    });
  }

  /**
   * Makes `version` the active one and retires the previous; audited, and the kind's own tables
   * written, in the same transaction; then this process's cache reloads.
   */
  async activate(
    user: AuthUser,
    version: number,
    audit: (row: VersionRow, previous: number | null) => Readonly<Record<string, unknown>>,
  ): Promise<Activation> {
    const now = this.clock.now();
    const activation = await this.db.transaction(async (tx): Promise<Activation> => {
      await this.repo.lock(tx);
      const row = await this.repo.find(tx, version);
      if (row === undefined) throw new ApiError('NOT_FOUND', `no ${this.kind.targetType} version ${version}`);
      if (row.status === 'active') {
        return { version, previous: version, activatedAt: (row.activatedAt ?? now).toISOString() };
      }
      // A retired version may come back (a rollback); its document is validated again all the same.
      const document = this.kind.validate(row.document);
      const previous = (await this.repo.retireActive(tx, now)) ?? null;
      await this.repo.markActive(tx, version, user.username, now);
      await this.kind.onActivate?.(tx, document, version);
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: `${this.kind.auditPrefix}.activate`, targetType: this.kind.targetType, version },
        audit(row, previous),
      );
      return { version, previous, activatedAt: now.toISOString() };
    });
    await this.reloadHere();
    return activation;
  }

  /**
   * An edit that takes effect at once (a roster change): the next version built from the active one,
   * made active with the previous retired (libs/db `reviseActive`), the kind's own tables written and
   * the change audited, in one transaction; then this process's cache reloads.
   */
  async revise(
    user: AuthUser,
    build: (current: Doc | undefined) => Revision<Doc>,
    audit: (revised: Revised<Doc>) => { action: string; targetId: string; detail: Record<string, unknown> },
  ): Promise<Revised<Doc>> {
    const at = this.clock.now();
    const revised = await this.db.transaction(async (tx) => {
      const r = await reviseActive(tx, this.repo, {
        validate: this.kind.validate,
        by: user.username,
        at,
        build,
      });
      await this.kind.onActivate?.(tx, r.document, r.version);
      const a = audit(r);
      await this.audit.record(tx, {
        occurredAt: at,
        actorUserId: user.userId,
        actorRole: user.role,
        action: a.action,
        targetType: this.kind.targetType,
        targetId: a.targetId,
        detail: { ...a.detail, version: r.version, previous: r.previous },
      });
      return r;
    });
    await this.reloadHere();
    return revised;
  }

  /** Committed is what counts: should this process fail to reload now, its next poll does it. */
  private async reloadHere(): Promise<void> {
    try {
      await this.kind.cache.refresh();
    } catch (err: unknown) {
      const code = `${this.kind.targetType.toUpperCase().replace(/-/g, '_')}_REFRESH_FAILED`;
      this.logger.warn(`${code}: ${err instanceof Error ? err.message : 'unknown'}`);
    }
  }
}
