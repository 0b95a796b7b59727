import { Controller, Query } from '@nestjs/common';
import {
  cameraSiteTypesQuerySchema,
  quarterlyScorecardQuerySchema,
  type CameraSiteTypes,
  type CameraSiteTypesQuery,
  type QuarterlyScorecard,
  type QuarterlyScorecardQuery,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { kpiScopeOf } from '../kpis/kpi-scope';
import { Endpoint } from '../routes/endpoint.decorator';
import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Endpoint('assessments.quarterly')
  quarterly(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(quarterlyScorecardQuerySchema)) q: QuarterlyScorecardQuery,
  ): Promise<QuarterlyScorecard> {
    return this.assessments.quarterly(q, kpiScopeOf(user, q.region));
  }

  @Endpoint('cameras.siteTypes')
  siteTypes(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(cameraSiteTypesQuerySchema)) q: CameraSiteTypesQuery,
  ): Promise<CameraSiteTypes> {
    return this.assessments.siteTypes(kpiScopeOf(user, q.region));
  }
}
