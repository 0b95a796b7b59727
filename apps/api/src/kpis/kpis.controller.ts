import { Controller, Query } from '@nestjs/common';
import {
  cameraHealthTrendQuerySchema,
  kpisQuerySchema,
  tierComplianceQuerySchema,
  type CameraHealthTrendQuery,
  type CameraHealthTrendResponse,
  type KpiSnapshot,
  type KpisQuery,
  type TierComplianceQuery,
  type TierComplianceResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { KpiSeriesService } from './kpi-series.service';
import { kpiScopeOf } from './kpi-scope';
import { KpisService } from './kpis.service';

@Controller()
export class KpisController {
  constructor(
    private readonly kpis: KpisService,
    private readonly series: KpiSeriesService,
  ) {}

  @Endpoint('kpis.snapshot')
  snapshot(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(kpisQuerySchema)) q: KpisQuery,
  ): Promise<KpiSnapshot> {
    return this.kpis.snapshot(kpiScopeOf(user, q.region));
  }

  @Endpoint('kpis.tierCompliance')
  tierCompliance(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(tierComplianceQuerySchema)) q: TierComplianceQuery,
  ): Promise<TierComplianceResponse> {
    return this.series.tierCompliance(user, q);
  }

  @Endpoint('cameras.healthTrend')
  healthTrend(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(cameraHealthTrendQuerySchema)) q: CameraHealthTrendQuery,
  ): Promise<CameraHealthTrendResponse> {
    return this.series.cameraHealth(user, q);
  }
}
