import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  activateNotificationPolicyRequestSchema,
  notificationPolicyVersionParamsSchema,
  proposeNotificationPolicyRequestSchema,
  type ActivateNotificationPolicyRequest,
  type ActivateNotificationPolicyResponse,
  type NotificationPolicyDetail,
  type NotificationPolicyList,
  type ProposeNotificationPolicyRequest,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { NotifyPolicyService } from './notify-policy.service';

const VersionPipe = new ZodPipe(notificationPolicyVersionParamsSchema);

@Controller()
export class NotifyPolicyController {
  constructor(private readonly policies: NotifyPolicyService) {}

  @Endpoint('notify.policy.active')
  active(): Promise<NotificationPolicyDetail> {
    return this.policies.active();
  }

  @Endpoint('notify.policy.versions')
  versions(): Promise<NotificationPolicyList> {
    return this.policies.list();
  }

  @Endpoint('notify.policy.version')
  version(@Param(VersionPipe) p: { version: number }): Promise<NotificationPolicyDetail> {
    return this.policies.detail(p.version);
  }

  @Endpoint('notify.policy.propose')
  @HttpCode(201)
  propose(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(proposeNotificationPolicyRequestSchema)) b: ProposeNotificationPolicyRequest,
  ): Promise<NotificationPolicyDetail> {
    return this.policies.propose(user, b);
  }

  @Endpoint('notify.policy.activate')
  @HttpCode(200)
  activate(
    @CurrentUser() user: AuthUser,
    @Param(VersionPipe) p: { version: number },
    @Body(new ZodPipe(activateNotificationPolicyRequestSchema)) b: ActivateNotificationPolicyRequest,
  ): Promise<ActivateNotificationPolicyResponse> {
    return this.policies.activate(user, p.version, b);
  }
}
