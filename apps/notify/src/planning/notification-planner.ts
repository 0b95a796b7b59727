import { randomUUID } from 'node:crypto';
import { type AlertChanged } from '@fengqiao/contracts';
import {
  type ActiveVersionCache,
  type DbPool,
  type NewNotification,
  type NotificationPreferencesRepository,
  type NotificationsRepository,
} from '@fengqiao/db';
import { type NotificationPolicy } from '@fengqiao/contracts';
import {
  DEFAULT_NOTIFICATION_POLICY,
  deliverAt,
  EMPTY_ROSTER,
  onDutyAt,
  planNotices,
  policyFor,
  rosterOf,
  rosterRegionOf,
  type DutyRoster,
  type PlannedNotice,
} from '@fengqiao/notify';

export interface PlannerDeps {
  readonly pool: DbPool;
  /** The active duty roster (a versioned document), re-checked once per alert change. */
  readonly roster: Pick<ActiveVersionCache<DutyRoster>, 'refresh'>;
  /** The active notification policy (a versioned document), re-checked once per alert change. */
  readonly policy: Pick<ActiveVersionCache<NotificationPolicy>, 'refresh'>;
  readonly preferences: NotificationPreferencesRepository;
  readonly notifications: NotificationsRepository;
  /**
   * A change older than this is not paged on (a first start of the consumer group reads the topic
   * from its beginning; an alert that old has long escalated by itself): config.tuning.notify.
   */
  readonly staleChangeMs: number;
}

/** Alert change → the notifications the policy asks for, each with its person and channel. */
export class NotificationPlanner {
  constructor(private readonly deps: PlannerDeps) {}

  /** The number of notifications newly planned (0 for a redelivered change). */
  async handle(change: AlertChanged, nowMs: number): Promise<number> {
    if (nowMs - Date.parse(change.occurredAt) > this.deps.staleChangeMs) return 0;
    // One indexed query each; a document is reloaded only when another version became active.
    const policy = (await this.deps.policy.refresh())?.document ?? DEFAULT_NOTIFICATION_POLICY;
    const notices = planNotices(change, policyFor(policy, change.alert.region), nowMs);
    if (notices.length === 0) return 0;
    const roster = (await this.deps.roster.refresh())?.document ?? EMPTY_ROSTER;
    let planned = 0;
    for (const notice of notices) {
      const row = await this.resolve(change, notice, roster);
      if (await this.deps.notifications.plan(this.deps.pool, row, new Date(nowMs))) planned += 1;
    }
    return planned;
  }

  private async resolve(
    change: AlertChanged,
    notice: PlannedNotice,
    roster: DutyRoster,
  ): Promise<NewNotification> {
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
    const { pool, preferences } = this.deps;
    const { patterns, exceptions } = rosterOf(roster, new Set([region]));
    const duty = onDutyAt(patterns, exceptions, region, notice.dueAt);
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
