import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ActivateRoutingTableRequest,
  type ActivateRoutingTableResponse,
  type ProposeRoutingTableRequest,
  type RoutingTableDetail,
  type RoutingTableListResponse,
} from '@fengqiao/contracts';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { ActiveRoutingTableCache } from './active-routing-table.cache';
import { RoutingTablesRepository, toSummary } from './routing-tables.repository';
import { validRoutingTable } from './routing-table-validation';

/** Routing-table versions: the active one, the list, one version, propose, activate (audited). */
@Injectable()
export class RoutingTablesService {
  private readonly logger = new Logger('routing');

  constructor(
    private readonly db: Database,
    private readonly repo: RoutingTablesRepository,
    private readonly cache: ActiveRoutingTableCache,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The version this process routes with (another instance's activation reaches it within a poll). */
  active(): Promise<RoutingTableDetail> {
    return this.detail(this.cache.current().version);
  }

  async list(): Promise<RoutingTableListResponse> {
    return { items: (await this.repo.list(this.db.pool)).map(toSummary) };
  }

  async detail(version: number): Promise<RoutingTableDetail> {
    const row = await this.repo.find(this.db.pool, version);
    if (row === undefined) throw new ApiError('NOT_FOUND', `no routing-table version ${version}`);
    return { ...toSummary(row), rules: validRoutingTable(row.rules) };
  }

  /** Stores a new version, proposed: it routes nothing until an administrator activates it. */
  async propose(user: AuthUser, req: ProposeRoutingTableRequest): Promise<RoutingTableDetail> {
    const rules = validRoutingTable(req.rules);
    const now = this.clock.now();
    const version = await this.db.transaction(async (tx) => {
      await this.repo.lock(tx);
      const next = await this.repo.nextVersion(tx);
      await this.repo.insertProposal(tx, {
        version: next,
        rules,
        note: req.note,
        by: user.username,
        at: now,
      });
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: 'routing.propose', targetType: 'routing-table', version: next },
        { note: req.note, rules: rules.length },
      );
      return next;
    });
    return this.detail(version);
  }

  /** Makes `version` the active one and retires the previous, audited in the same transaction. */
  async activate(
    user: AuthUser,
    version: number,
    req: ActivateRoutingTableRequest,
  ): Promise<ActivateRoutingTableResponse> {
    const now = this.clock.now();
    const result = await this.db.transaction(async (tx) => {
      await this.repo.lock(tx);
      const row = await this.repo.find(tx, version);
      if (row === undefined) throw new ApiError('NOT_FOUND', `no routing-table version ${version}`);
      if (row.status === 'active') {
        return { version, previous: version, activatedAt: (row.activated_at ?? now).toISOString() };
      }
      // A retired version may come back (a rollback); its rules are checked again all the same.
      validRoutingTable(row.rules);
      const previous = (await this.repo.retireActive(tx, now)) ?? null;
      await this.repo.markActive(tx, version, user.username, now);
      await this.audit.recordByUser(
        tx,
        user,
        { at: now, action: 'routing.activate', targetType: 'routing-table', version },
        { previous, note: req.note ?? null },
      );
      return { version, previous, activatedAt: now.toISOString() };
    });
    await this.applyHere();
    return result;
  }

  /** Committed is what counts; should this process fail to reload now, its next poll does it. */
  private async applyHere(): Promise<void> {
    try {
      await this.cache.refresh();
    } catch (err: unknown) {
      this.logger.warn(`ROUTING_TABLE_REFRESH_FAILED: ${err instanceof Error ? err.message : 'unknown'}`);
    }
  }
}
