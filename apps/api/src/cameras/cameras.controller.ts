import { Controller, Param, Query } from '@nestjs/common';
import {
  alertCamerasQuerySchema,
  alertIdParamsSchema,
  nearestCamerasQuerySchema,
  type AlertCamerasQuery,
  type NearestCamerasQuery,
  type NearestCamerasResponse,
  cameraSearchQuerySchema,
  cameraStatusQuerySchema,
  type CameraSearchQuery,
  type CameraSearchResponse,
  type CameraStatusQuery,
  type CameraStatusResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { CamerasService } from './cameras.service';
import { NearbyCamerasService } from './nearby-cameras.service';

@Controller()
export class CamerasController {
  constructor(
    private readonly cameras: CamerasService,
    private readonly nearby: NearbyCamerasService,
  ) {}

  @Endpoint('cameras.search')
  search(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(cameraSearchQuerySchema)) q: CameraSearchQuery,
  ): Promise<CameraSearchResponse> {
    return this.cameras.search(user, q);
  }

  @Endpoint('cameras.status')
  status(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(cameraStatusQuerySchema)) q: CameraStatusQuery,
  ): Promise<CameraStatusResponse> {
    return this.cameras.status(user, q);
  }

  @Endpoint('cameras.nearest')
  nearest(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(nearestCamerasQuerySchema)) q: NearestCamerasQuery,
  ): Promise<NearestCamerasResponse> {
    return this.nearby.nearPoint(user, q.lat, q.lon, q.k, q.radiusM);
  }

  @Endpoint('cameras.nearAlert')
  nearAlert(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(alertIdParamsSchema)) p: { alertId: string },
    @Query(new ZodPipe(alertCamerasQuerySchema)) q: AlertCamerasQuery,
  ): Promise<NearestCamerasResponse> {
    return this.nearby.nearAlert(user, p.alertId, q.k, q.radiusM);
  }
}
