import { Controller, Query } from '@nestjs/common';
import {
  alertGroupListQuerySchema,
  type AlertGroupListQuery,
  type AlertGroupListResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertGroupQueriesService } from './alert-group-queries.service';

/** The open alert groups of the caller's scope, counted by the API. */
@Controller()
export class AlertGroupListController {
  constructor(private readonly groups: AlertGroupQueriesService) {}

  @Endpoint('alerts.groups.list')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(alertGroupListQuerySchema)) q: AlertGroupListQuery,
  ): Promise<AlertGroupListResponse> {
    return this.groups.list(user, q);
  }
}
