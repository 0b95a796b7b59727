import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  alertCaseRequestSchema,
  alertIdParamsSchema,
  type AlertCaseRequest,
  type AlertCaseResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertCaseService } from './alert-case.service';

/** The duty officer turns an alert into a case. */
@Controller()
export class AlertCaseController {
  constructor(private readonly cases: AlertCaseService) {}

  @Endpoint('alerts.createCase')
  @HttpCode(201)
  create(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(alertIdParamsSchema)) p: { alertId: string },
    @Body(new ZodPipe(alertCaseRequestSchema)) b: AlertCaseRequest,
  ): Promise<AlertCaseResponse> {
    return this.cases.create(user, p.alertId, b);
  }
}
