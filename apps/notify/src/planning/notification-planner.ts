import { randomUUID } from 'node:crypto';
import { type AlertChanged } from '@fengqiao/contracts';
import {
  type DbPool,
  type NewNotification,
  type NotificationPreferencesRepository,
  type NotificationsRepository,
  type RostersRepository,
} from '@fengqiao/db';
import { cityDateOf, DAY_MS } from '@fengqiao/domain';
import {
  deliverAt,
  onDutyAt,
  planNotices,
  rosterRegionOf,
  type NotifyPolicy,
  type PlannedNotice,
} from '@fengqiao/notify';

/**
 * A change older than this is not paged on (a first start of the consumer group reads the topic
 * from its beginning; an alert that old has long escalated by itself).
 */
export const STALE_CHANGE_MS = 30 * 60_000;

export interface PlannerDeps {
  readonly pool: DbPool;
  readonly rosters: RostersRepository;
  readonly preferences: NotificationPreferencesRepository;
  readonly notifications: NotificationsRepository;
}

/** Alert change → the notifications the policy asks for, each with its person and channel. */
export class NotificationPlanner {
  constructor(
    private readonly deps: PlannerDeps,
    private readonly policy: NotifyPolicy,
  ) {}

  /** The number of notifications newly planned (0 for a redelivered change). */
  async handle(change: AlertChanged, nowMs: number): Promise<number> {
    if (nowMs - Date.parse(change.occurredAt) > STALE_CHANGE_MS) return 0;
    let planned = 0;
    for (const notice of planNotices(change, this.policy, nowMs)) {
      const row = await this.resolve(change, notice);
      if (await this.deps.notifications.plan(this.deps.pool, row, new Date(nowMs))) planned += 1;
    }
    return planned;
  }

  private async resolve(change: AlertChanged, notice: PlannedNotice): Promise<NewNotification> {
    const { alert } = change;
    const region = rosterRegionOf(notice.level, alert.region);
    const base = {
      notification_id: randomUUID(),
      alert_id: alert.alertId,
      alert_version: alert.version,
      reason: notice.reason,
      level: notice.level,
      region_code: region,
      duty_role: notice.dutyRole,
      due_at: new Date(notice.dueAt),
    };
    const nobody = { ...base, user_id: null, channel: null, address: null, status: 'failed' as const };
    const { pool, rosters, preferences } = this.deps;
    // The shift holding the due time may have begun the day before (a night shift).
    const since = cityDateOf(notice.dueAt - DAY_MS);
    const [patterns, exceptions] = await Promise.all([
      rosters.patterns(pool, [region]),
      rosters.exceptions(pool, [region], since),
    ]);
    const duty = onDutyAt(
      patterns.map((p) => ({
        regionCode: p.region_code,
        shift: p.shift,
        weekdays: [p.weekday],
        primaryUserId: p.primary_user_id,
        backupUserId: p.backup_user_id,
      })),
      exceptions.map((e) => ({
        regionCode: e.region_code,
        shift: e.shift,
        date: e.on_date,
        primaryUserId: e.primary_user_id,
        backupUserId: e.backup_user_id,
      })),
      region,
      notice.dueAt,
    );
    const userId = notice.dutyRole === 'primary' ? duty?.primaryUserId : (duty?.backupUserId ?? undefined);
    if (userId === undefined)
      return { ...nobody, last_error: duty === undefined ? 'NO_ONE_ON_DUTY' : 'NO_BACKUP_ON_DUTY' };
    const [pref] = await preferences.of(pool, [userId]);
    if (pref === undefined) return { ...nobody, user_id: userId, last_error: 'NO_CHANNEL_PREFERENCE' };
    const quiet =
      pref.quiet_from === null || pref.quiet_to === null
        ? null
        : { from: pref.quiet_from, to: pref.quiet_to };
    return {
      ...base,
      user_id: userId,
      channel: pref.channel,
      address: pref.address,
      status: 'scheduled',
      due_at: new Date(deliverAt(notice.reason, quiet, notice.dueAt)),
      last_error: null,
    };
  }
}
