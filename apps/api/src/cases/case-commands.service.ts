import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type CaseCommandResponse } from '@fengqiao/contracts';
import { planCaseEvent } from '@fengqiao/domain';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { type CaseCommand, eventOf, type TriageDecision } from './case-commands';
import { CasePublisher } from './case-publisher';
import { type CaseRow } from './case-row';
import { CaseRoutingService } from './case-routing.service';
import { CasesRepository } from './cases.repository';

/**
 * Lifecycle commands: each checked against the case's current state (the projection, as ingest
 * last stored it) and produced as one case event. The projection catches up within about a
 * second; a command sent before then may be refused as not fitting the state, and can be retried.
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly routing: CaseRoutingService,
    private readonly publisher: CasePublisher,
  ) {}

  async run(user: AuthUser, caseId: string, cmd: CaseCommand): Promise<CaseCommandResponse> {
    const row = await this.cases.findById(this.db.pool, caseId);
    if (row === undefined || !inScope(user.regions, row)) throw new ApiError('NOT_FOUND', 'no such case');
    const plan = planCaseEvent(row.state, cmd.type);
    // The case moved on (another screen, another officer): a conflict, shown to the user, never hidden.
    if (!plan.ok)
      throw new ApiError('CASE_INVALID_TRANSITION', plan.message, [{ path: 'state', message: plan.message }]);
    const nowMs = this.routing.nowMs();
    const base = {
      schema: 'case.event.v1' as const,
      eventId: randomUUID(),
      caseId,
      occurredAt: new Date(nowMs).toISOString(),
      channel: row.channel,
      region: regionOf(row),
      actor: { userId: user.userId, role: user.role },
    };
    const triage = cmd.type === 'triaged' ? this.triageOf(row, cmd.body, nowMs) : undefined;
    const dueAt =
      cmd.type === 'reopened' && row.tier !== null ? this.routing.tierDueAt(row.tier, nowMs) : undefined;
    const event = eventOf(cmd, base, triage, dueAt);
    await this.publisher.publish([event]);
    return { caseId, eventId: event.eventId, type: event.type, state: plan.state };
  }

  /** Confirms the suggestion (re-run on the case as it is) or takes the override; an override does not buy time. */
  private triageOf(
    row: CaseRow,
    body: Extract<CaseCommand, { type: 'triaged' }>['body'],
    nowMs: number,
  ): TriageDecision {
    const suggested = this.routing.suggest({
      category: row.category,
      region: regionOf(row),
      riskFlags: row.risk_flags,
      partiesCount: row.parties_count,
      atMs: row.reported_at.getTime(),
    }).routing;
    const routing = body.routing ?? suggested;
    const startMs = row.clock_kind === 'tier' ? row.clock_started_at.getTime() : nowMs;
    return {
      category: row.category,
      routing,
      ...(body.routing === undefined ? {} : { overrideReason: body.overrideReason }),
      dueAt: this.routing.tierDueAt(routing.tier, startMs),
    };
  }
}

function regionOf(row: CaseRow): { county: string; township: string; village?: string; grid?: string } {
  return {
    county: row.county,
    township: row.township,
    ...(row.village === null ? {} : { village: row.village }),
    ...(row.village === null || row.grid === null ? {} : { grid: row.grid }),
  };
}
