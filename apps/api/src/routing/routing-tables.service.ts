import { Inject, Injectable } from '@nestjs/common';
import {
  type ActivateRoutingTableRequest,
  type ActivateRoutingTableResponse,
  type ProposeRoutingTableRequest,
  type RoutingRuleBody,
  type RoutingTableDetail,
  type RoutingTableListResponse,
} from '@fengqiao/contracts';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { ActiveRoutingTableCache } from './active-routing-table.cache';
import { VersionedDocumentService } from '../versioned/versioned-documents.service';
import { ROUTING_TABLE_VERSIONS } from '../versioned/versioned-tables';
import { toSummary } from './routing-table-summary';
import { validRoutingTable } from './routing-table-validation';

/** Routing-table versions: the active one, the list, one version, propose, activate (audited). */
@Injectable()
export class RoutingTablesService {
  private readonly versions: VersionedDocumentService<readonly RoutingRuleBody[]>;

  constructor(
    db: Database,
    private readonly cache: ActiveRoutingTableCache,
    audit: AuditService,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.versions = new VersionedDocumentService<readonly RoutingRuleBody[]>(
      db,
      ROUTING_TABLE_VERSIONS,
      audit,
      clock,
      {
        targetType: 'routing-table',
        auditPrefix: 'routing',
        validate: validRoutingTable,
        cache,
      },
    );
  }

  /** The version this process routes with (another instance's activation reaches it within a poll). */
  active(): Promise<RoutingTableDetail> {
    return this.detail(this.cache.current().version);
  }

  async list(): Promise<RoutingTableListResponse> {
    return { items: (await this.versions.list()).map(toSummary) };
  }

  async detail(version: number): Promise<RoutingTableDetail> {
    const row = await this.versions.find(version);
    return { ...toSummary(row), rules: validRoutingTable(row.document) };
  }

  /** Stores a new version, proposed: it routes nothing until an administrator activates it. */
  async propose(user: AuthUser, req: ProposeRoutingTableRequest): Promise<RoutingTableDetail> {
    const rules = validRoutingTable(req.rules);
    const version = await this.versions.propose(user, () => ({
      document: rules,
      note: req.note,
      audit: { note: req.note, rules: rules.length },
    }));
    return this.detail(version);
  }

  /** Makes `version` the active one and retires the previous, audited in the same transaction. */
  activate(
    user: AuthUser,
    version: number,
    req: ActivateRoutingTableRequest,
  ): Promise<ActivateRoutingTableResponse> {
    return this.versions.activate(user, version, (_row, previous) => ({
      previous,
      note: req.note ?? null,
    }));
  }
}
