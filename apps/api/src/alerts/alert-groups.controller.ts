import { Body, Controller, HttpCode } from '@nestjs/common';
import {
  groupAcknowledgeRequestSchema,
  groupSilenceRequestSchema,
  type GroupAcknowledgeRequest,
  type GroupCommandResponse,
  type GroupSilenceRequest,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertGroupCommandsService } from './alert-group-commands.service';

/** Acknowledge or silence one alert group: every member, each audited. */
@Controller()
export class AlertGroupsController {
  constructor(private readonly groups: AlertGroupCommandsService) {}

  @Endpoint('alerts.groups.acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(groupAcknowledgeRequestSchema)) b: GroupAcknowledgeRequest,
  ): Promise<GroupCommandResponse> {
    return this.groups.run(user, b.members, { kind: 'acknowledge', note: b.note });
  }

  @Endpoint('alerts.groups.silence')
  @HttpCode(200)
  silence(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(groupSilenceRequestSchema)) b: GroupSilenceRequest,
  ): Promise<GroupCommandResponse> {
    return this.groups.run(user, b.members, { kind: 'silence', minutes: b.minutes, note: b.note });
  }
}
