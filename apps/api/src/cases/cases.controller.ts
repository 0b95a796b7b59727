import { Body, Controller, Headers, HttpCode, Param, Query } from '@nestjs/common';
import {
  caseIdParamsSchema,
  caseIntakeRequestSchema,
  caseRevealRequestSchema,
  caseListQuerySchema,
  duplicateCheckRequestSchema,
  routingSuggestionQuerySchema,
  type CaseDetail,
  type CaseIntakeRequest,
  type CaseIntakeResponse,
  type CaseListQuery,
  type CaseListResponse,
  type CaseRevealRequest,
  type DuplicateCandidates,
  type DuplicateCheckRequest,
  type RoutingSuggestion,
  type RoutingSuggestionQuery,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { CaseDuplicatesService } from './case-duplicates.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRoutingService } from './case-routing.service';
import { IdempotentIntakeService } from './idempotent-intake.service';

@Controller()
export class CasesController {
  constructor(
    private readonly intakeService: IdempotentIntakeService,
    private readonly queries: CaseQueriesService,
    private readonly routingService: CaseRoutingService,
    private readonly duplicatesService: CaseDuplicatesService,
  ) {}

  @Endpoint('cases.intake')
  @HttpCode(202)
  intake(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(caseIntakeRequestSchema)) b: CaseIntakeRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CaseIntakeResponse> {
    return this.intakeService.intakeOnce(user, b, idempotencyKey);
  }

  @Endpoint('cases.routing')
  routing(@Query(new ZodPipe(routingSuggestionQuerySchema)) q: RoutingSuggestionQuery): RoutingSuggestion {
    return this.routingService.suggest({
      category: q.category,
      region: { county: q.county, township: q.township },
      riskFlags: { groupPetition: q.groupPetition === 'true', violenceRisk: q.violenceRisk === 'true' },
      ...(q.at === undefined ? {} : { atMs: Date.parse(q.at) }),
    });
  }

  @Endpoint('cases.duplicates')
  @HttpCode(200)
  async duplicates(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(duplicateCheckRequestSchema)) b: DuplicateCheckRequest,
  ): Promise<DuplicateCandidates> {
    // Whether a named person has cases is itself personal data: only inside the caller's regions.
    if (!inScope(user.regions, b.region)) throw new ApiError('OUT_OF_SCOPE', 'region outside your scope');
    const keys = this.duplicatesService.keysOf(b.parties);
    const nowMs = this.routingService.nowMs();
    return { items: await this.duplicatesService.candidates(b.region, keys, b.withinDays, nowMs) };
  }

  @Endpoint('cases.list')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(caseListQuerySchema)) q: CaseListQuery,
  ): Promise<CaseListResponse> {
    return this.queries.list(user, q);
  }

  @Endpoint('cases.detail')
  detail(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(caseIdParamsSchema)) p: { caseId: string },
  ): Promise<CaseDetail> {
    // Always masked: the full parties only come with a stated, audited reason (POST …/reveal).
    return this.queries.detail(user, p.caseId);
  }

  @Endpoint('cases.reveal')
  @HttpCode(200)
  reveal(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(caseIdParamsSchema)) p: { caseId: string },
    @Body(new ZodPipe(caseRevealRequestSchema)) b: CaseRevealRequest,
  ): Promise<CaseDetail> {
    return this.queries.reveal(user, p.caseId, b.reason);
  }
}
