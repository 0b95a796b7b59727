import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import {
  type AlertNotifications,
  type NotificationPreference,
  type TransitionResponse,
} from '@fengqiao/contracts';
import {
  AlertStore,
  NotificationPreferencesRepository,
  NotificationsRepository,
  RostersRepository,
} from '@fengqiao/db';
import { verifyAckLink } from '@fengqiao/notify';
import { AlertCommandsService } from '../alerts/alert-commands.service';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { personOf } from './roster-view';

const REFUSALS = {
  MALFORMED: ['ACK_LINK_INVALID', 'not an acknowledgement link'],
  BAD_SIGNATURE: ['ACK_LINK_INVALID', 'not an acknowledgement link'],
  EXPIRED: ['ACK_LINK_EXPIRED', 'the link has expired: acknowledge on the duty console'],
} as const;

/** An alert's notifications, the caller's preference, and acknowledging from a message's link. */
@Injectable()
export class AlertNotificationsService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly notifications: NotificationsRepository,
    private readonly preferences: NotificationPreferencesRepository,
    private readonly rosters: RostersRepository,
    private readonly commands: AlertCommandsService,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async ofAlert(user: AuthUser, alertId: string): Promise<AlertNotifications> {
    const row = await this.alerts.findById(this.db.pool, alertId);
    if (row === undefined || !inScope(user.regions, row)) throw new ApiError('NOT_FOUND', 'no such alert');
    const rows = await this.notifications.ofAlert(this.db.pool, alertId);
    const ids = [...new Set(rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id])))];
    const people = new Map((await this.rosters.people(this.db.pool, ids)).map((p) => [p.user_id, p]));
    return {
      items: rows.map((r) => ({
        notificationId: r.notification_id,
        reason: r.reason,
        level: r.level,
        dutyRole: r.duty_role,
        person: r.user_id === null ? null : personOf(people, r.user_id),
        channel: r.channel as AlertNotifications['items'][number]['channel'],
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        dueAt: r.due_at.toISOString(),
        deliveredAt: r.delivered_at?.toISOString() ?? null,
      })),
    };
  }

  async preference(user: AuthUser): Promise<NotificationPreference | null> {
    const [p] = await this.preferences.of(this.db.pool, [user.userId]);
    return p === undefined
      ? null
      : { channel: p.channel, address: p.address, quietFrom: p.quiet_from, quietTo: p.quiet_to };
  }

  async setPreference(user: AuthUser, p: NotificationPreference): Promise<NotificationPreference | null> {
    await this.preferences.set(
      this.db.pool,
      {
        user_id: user.userId,
        channel: p.channel,
        address: p.address,
        quiet_from: p.quietFrom,
        quiet_to: p.quietTo,
      },
      this.clock.now(),
    );
    return this.preference(user);
  }

  /**
   * Acknowledges as the signed-in person the link was sent to, through the console's own
   * acknowledgement (same checks, same outbox row, same audit entry); the link then works no more.
   */
  async acknowledgeByLink(
    user: AuthUser,
    token: string,
    note: string | undefined,
  ): Promise<TransitionResponse> {
    const now = this.clock.now();
    const verdict = verifyAckLink(this.config.notify.secret, token, now.getTime());
    if (!verdict.ok) {
      const [code, message] = REFUSALS[verdict.reason];
      throw new ApiError(code, message);
    }
    const { grant } = verdict;
    if (grant.userId !== user.userId)
      throw new ApiError('ACK_LINK_NOT_YOURS', 'this link was sent to someone else: sign in as them');
    if (
      !(await this.notifications.useAckLink(
        this.db.pool,
        grant.notificationId,
        user.userId,
        grant.alertId,
        now,
      ))
    )
      throw new ApiError('ACK_LINK_USED', 'this link was already used');
    try {
      const row = await this.alerts.findById(this.db.pool, grant.alertId);
      if (row === undefined) throw new ApiError('NOT_FOUND', 'no such alert');
      const text = note ?? '已通过通知链接确认';
      return await this.commands.transition(user, grant.alertId, row.version, {
        kind: 'acknowledge',
        note: `${text} (ack link ${grant.notificationId})`,
      });
    } catch (err) {
      // Not acknowledged (already handled, or out of scope): the link is not spent.
      await this.notifications.releaseAckLink(this.db.pool, grant.notificationId);
      throw err;
    }
  }
}
