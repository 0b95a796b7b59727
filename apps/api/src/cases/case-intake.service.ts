import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CaseEvent,
  type CaseIntakeRequest,
  type CaseIntakeResponse,
  type Routing,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { CaseDuplicatesService } from './case-duplicates.service';
import { CasePublisher } from './case-publisher';
import { CaseRoutingService } from './case-routing.service';
import { CasesRepository } from './cases.repository';

/** domain.md: "same parties and place within N days is offered as a repeat visit". */
const REPEAT_WINDOW_DAYS = 30;

const sameRouting = (a: Routing, b: Routing): boolean =>
  a.tier === b.tier && a.department === b.department && a.unit === b.unit;

/** One-stop intake: route, look for repeat visits, number the case, produce reported + triaged. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
    private readonly routing: CaseRoutingService,
    private readonly duplicates: CaseDuplicatesService,
    private readonly publisher: CasePublisher,
  ) {}

  async intake(user: AuthUser, req: CaseIntakeRequest): Promise<CaseIntakeResponse> {
    if (!inScope(user.regions, req.region)) throw new ApiError('OUT_OF_SCOPE', 'region outside your scope');
    const nowMs = this.routing.nowMs();
    const partiesCount = Math.max(req.partiesCount ?? 0, req.parties.length);
    const suggestion = this.routing.suggest({ ...req, partiesCount, atMs: nowMs });
    const routing = req.routing ?? suggestion.routing;
    const overridden = !sameRouting(routing, suggestion.routing);
    const partyKeys = this.duplicates.keysOf(req.parties);
    const found = await this.duplicates.candidates(req.region, partyKeys, REPEAT_WINDOW_DAYS, nowMs);
    const caseId = await this.nextCaseId(req.region.county, nowMs);
    const [reported, triaged] = this.events(user, req, { caseId, nowMs, routing, partyKeys, partiesCount });
    const repeatVisits = Math.max(req.riskFlags.repeatVisits ?? 0, found.length);
    const withFlags = { ...reported, riskFlags: { ...reported.riskFlags, repeatVisits } };
    const triage = overridden ? { ...triaged, overrideReason: req.overrideReason } : triaged;
    await this.publisher.publish([withFlags, triage]);
    return {
      caseId,
      eventIds: { reported: reported.eventId, triaged: triaged.eventId },
      routing,
      suggestion,
      overridden,
      duplicates: found,
    };
  }

  /**
   * The county's next number of the (Beijing) day. Other producers (the simulator, the hotline)
   * number cases too, so a number already taken is skipped.
   */
  private async nextCaseId(county: string, nowMs: number): Promise<string> {
    const day = this.routing.localDay(nowMs);
    const isoDay = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const n = await this.cases.nextNumber(this.db.pool, county, isoDay);
      if (n > 99_999) break;
      const caseId = `C${county}-${day}-${String(n).padStart(5, '0')}`;
      if (!(await this.cases.exists(this.db.pool, caseId))) return caseId;
    }
    throw new ApiError('INTERNAL', 'no free case number today');
  }

  private events(
    user: AuthUser,
    req: CaseIntakeRequest,
    c: { caseId: string; nowMs: number; routing: Routing; partyKeys: string[]; partiesCount: number },
  ): [CaseEvent & { type: 'reported' }, CaseEvent & { type: 'triaged' }] {
    const base = {
      schema: 'case.event.v1' as const,
      caseId: c.caseId,
      channel: req.channel,
      region: req.region,
      actor: { userId: user.userId, role: user.role },
    };
    // Triage follows intake by a millisecond so the two keep their order wherever time sorts them.
    const triagedMs = c.nowMs + 1;
    return [
      {
        ...base,
        eventId: randomUUID(),
        occurredAt: new Date(c.nowMs).toISOString(),
        type: 'reported',
        category: req.category,
        summary: req.summary,
        ...(req.location === undefined ? {} : { location: req.location }),
        partiesCount: c.partiesCount,
        riskFlags: {
          violenceRisk: req.riskFlags.violenceRisk ?? false,
          extremeWords: req.riskFlags.extremeWords ?? false,
          groupPetition: req.riskFlags.groupPetition ?? false,
          repeatVisits: req.riskFlags.repeatVisits ?? 0,
        },
        parties: req.parties,
        partyKeys: c.partyKeys,
        ...(req.repeatOf === undefined ? {} : { repeatOf: req.repeatOf }),
        dueAt: this.routing.routingDueAt(c.nowMs),
      },
      {
        ...base,
        eventId: randomUUID(),
        occurredAt: new Date(triagedMs).toISOString(),
        type: 'triaged',
        category: req.category,
        tier: c.routing.tier,
        department: c.routing.department,
        unit: c.routing.unit,
        dueAt: this.routing.tierDueAt(c.routing.tier, triagedMs),
      },
    ];
  }
}
