import { Injectable } from '@nestjs/common';
import {
  type CaseDetail,
  type CaseListQuery,
  type CaseListResponse,
  maskParty,
  PARTY_REVEAL_ROLES,
  type RiskFlags,
} from '@fengqiao/contracts';
import { AlertCaseLinks } from '@fengqiao/db';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database, type Queryable } from '../infra/database';
import { type CasePartyRow, type CaseRow, toSummary, toTimelineEntry } from './case-row';
import { CaseRoutingService } from './case-routing.service';
import { CasesRepository } from './cases.repository';
import { isCaseIdPrefix, isWall, wallCaseSummary, wallTimelineEntry } from './wall-case-view';

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly routing: CaseRoutingService,
    private readonly audit: AuditService,
    private readonly links: AlertCaseLinks,
  ) {}

  /** Only cases inside the caller's regions; a `region` filter narrows, never widens, that scope. */
  async list(user: AuthUser, q: CaseListQuery): Promise<CaseListResponse> {
    // The text filter also matches summaries: a wall could probe them for a name (docs/security.md).
    if (isWall(user.role) && q.text !== undefined && !isCaseIdPrefix(q.text)) {
      throw new ApiError('VALIDATION_FAILED', 'the wall searches case ids only', [
        { path: 'text', message: 'a case id prefix (C511902-2026...)' },
      ]);
    }
    const nowMs = this.routing.nowMs();
    const rows = await this.cases.list(this.db.pool, {
      scope: user.regions,
      region: q.region ?? null,
      tiers: q.tier ?? null,
      states: q.state ?? null,
      clocks: q.clock ?? null,
      text: q.text === undefined ? null : escapeLike(q.text),
      now: new Date(nowMs),
      limit: q.limit,
      offset: q.offset,
    });
    const wall = isWall(user.role);
    const items = rows.map((r) => (wall ? wallCaseSummary(toSummary(r, nowMs)) : toSummary(r, nowMs)));
    return { items, total: rows[0]?.total ?? 0 };
  }

  /** The case with its parties masked: what every role in scope may see. */
  detail(user: AuthUser, caseId: string): Promise<CaseDetail> {
    return this.read(this.db.pool, user, caseId, null);
  }

  /** The parties in full, for the roles allowed, only with a reason: audited in the read's transaction. */
  async reveal(user: AuthUser, caseId: string, reason: string): Promise<CaseDetail> {
    if (!PARTY_REVEAL_ROLES.includes(user.role)) {
      throw new ApiError('FORBIDDEN', 'your role sees parties masked only');
    }
    return this.db.transaction(async (tx) => this.read(tx, user, caseId, { reason }));
  }

  /** `reveal` null: masked; otherwise the full parties, and the audit row in the caller's transaction. */
  private async read(
    db: Queryable,
    user: AuthUser,
    caseId: string,
    reveal: { reason: string } | null,
  ): Promise<CaseDetail> {
    const row = await this.cases.findById(db, caseId);
    // Out of scope looks like absent: a township officer learns nothing about other townships.
    if (row === undefined || !inScope(user.regions, row)) throw new ApiError('NOT_FOUND', 'no such case');
    const [parties, events] = [await this.cases.parties(db, caseId), await this.cases.events(db, caseId)];
    if (reveal !== null) await this.recordView(db, user, row, { parties: parties.length, ...reveal });
    const wall = isWall(user.role);
    const names = parties.map((p) => p.name);
    const summary = toSummary(row, this.routing.nowMs());
    return {
      case: wall ? wallCaseSummary(summary) : summary,
      location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
      riskFlags: row.risk_flags as RiskFlags,
      partiesCount: row.parties_count,
      partiesView: reveal === null ? 'masked' : 'full',
      parties: parties.map((p) => (reveal === null ? maskParty(withPhone(p)) : fullParty(p))),
      satisfaction: row.satisfaction,
      timeline: events.map(toTimelineEntry).map((e) => (wall ? wallTimelineEntry(e, names) : e)),
      fromAlerts: await this.links.alertsOf(db, caseId),
    };
  }

  /** The audit row commits with the read, in the same transaction: no unaudited full view. */
  private async recordView(
    db: Queryable,
    user: AuthUser,
    row: CaseRow,
    view: { parties: number; reason: string },
  ): Promise<void> {
    await this.audit.record(db, {
      occurredAt: this.routingNow(),
      actorUserId: user.userId,
      actorRole: user.role,
      action: 'case.parties.viewed',
      targetType: 'case',
      targetId: row.case_id,
      detail: {
        parties: view.parties,
        county: row.county,
        township: row.township,
        reason: view.reason,
      },
    });
  }

  private routingNow(): Date {
    return new Date(this.routing.nowMs());
  }
}

function withPhone(p: CasePartyRow): { name: string; phone?: string } {
  return p.phone === null ? { name: p.name } : { name: p.name, phone: p.phone };
}

function fullParty(p: CasePartyRow): { name: string; phone?: string; idNumber?: string } {
  return { ...withPhone(p), ...(p.id_number === null ? {} : { idNumber: p.id_number }) };
}
