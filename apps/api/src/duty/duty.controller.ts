import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  ackLinkRequestSchema,
  alertIdParamsSchema,
  clearRosterRequestSchema,
  notificationPreferenceSchema,
  rosterQuerySchema,
  setRosterExceptionRequestSchema,
  setRosterRequestSchema,
  type AckLinkRequest,
  type AlertNotifications,
  type ClearRosterRequest,
  type NotificationPreference,
  type OnDutyNow,
  type RosterResponse,
  type RosterVersionList,
  type SetRosterExceptionRequest,
  type SetRosterRequest,
  type TransitionResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertNotificationsService } from './alert-notifications.service';
import { DutyService } from './duty.service';

@Controller()
export class DutyController {
  constructor(
    private readonly duty: DutyService,
    private readonly notices: AlertNotificationsService,
  ) {}

  @Endpoint('duty.rosters')
  rosters(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(rosterQuerySchema)) q: { region?: string },
  ): Promise<RosterResponse> {
    return this.duty.list(user, q.region);
  }

  @Endpoint('duty.rosters.set')
  @HttpCode(200)
  set(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(setRosterRequestSchema)) b: SetRosterRequest,
  ): Promise<RosterResponse> {
    return this.duty.set(user, b);
  }

  @Endpoint('duty.rosters.clear')
  @HttpCode(200)
  clear(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(clearRosterRequestSchema)) b: ClearRosterRequest,
  ): Promise<RosterResponse> {
    return this.duty.clear(user, b);
  }

  @Endpoint('duty.exceptions.set')
  @HttpCode(200)
  exception(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(setRosterExceptionRequestSchema)) b: SetRosterExceptionRequest,
  ): Promise<RosterResponse> {
    return this.duty.setException(user, b);
  }

  @Endpoint('duty.rosters.versions')
  history(@CurrentUser() user: AuthUser): Promise<RosterVersionList> {
    return this.duty.history(user);
  }

  @Endpoint('duty.now')
  now(@CurrentUser() user: AuthUser): Promise<OnDutyNow> {
    return this.duty.now(user);
  }

  @Endpoint('duty.candidates')
  async candidates(): Promise<{ items: { userId: string; displayName: string }[] }> {
    return { items: await this.duty.candidates() };
  }

  @Endpoint('notify.preference')
  async preference(@CurrentUser() user: AuthUser): Promise<{ preference: NotificationPreference | null }> {
    return { preference: await this.notices.preference(user) };
  }

  @Endpoint('notify.preference.set')
  @HttpCode(200)
  async setPreference(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(notificationPreferenceSchema)) b: NotificationPreference,
  ): Promise<{ preference: NotificationPreference | null }> {
    return { preference: await this.notices.setPreference(user, b) };
  }

  @Endpoint('alerts.notifications')
  notifications(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(alertIdParamsSchema)) p: { alertId: string },
  ): Promise<AlertNotifications> {
    return this.notices.ofAlert(user, p.alertId);
  }

  @Endpoint('alerts.ackLink')
  @HttpCode(200)
  ackLink(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(ackLinkRequestSchema)) b: AckLinkRequest,
  ): Promise<TransitionResponse> {
    return this.notices.acknowledgeByLink(user, b.token, b.note);
  }
}
