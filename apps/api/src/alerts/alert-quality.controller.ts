import { Controller, Query } from '@nestjs/common';
import {
  alertQualityQuerySchema,
  type AlertQualityQuery,
  type AlertQualityResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertQualityService } from './alert-quality.service';

/** Alert history figures for analysts (issue 20); the history itself is `alerts.list`. */
@Controller()
export class AlertQualityController {
  constructor(private readonly quality: AlertQualityService) {}

  @Endpoint('alerts.quality')
  get(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(alertQualityQuerySchema)) q: AlertQualityQuery,
  ): Promise<AlertQualityResponse> {
    return this.quality.quality(user, q);
  }
}
