import {
  type AlertChanged,
  type AlertState,
  type EscalationLevel,
  type NotifyRule,
} from '@fengqiao/contracts';
import { isAlertUnacknowledged } from '@fengqiao/domain';
import { type NotificationReason } from '../message';

export type DutyRole = 'primary' | 'backup';

/** One notification the policy asks for; the app resolves the person from the roster. */
export interface PlannedNotice {
  readonly reason: NotificationReason;
  readonly level: EscalationLevel;
  readonly dutyRole: DutyRole;
  /** Send at (epoch ms); later than now for the backup and for digests. */
  readonly dueAt: number;
}

/**
 * The rule one alert is notified by: `policyFor` of the active notification policy (a versioned
 * document, notification-policy.ts), per colour `page` / `digest` / `none` and the timing.
 */
export type NotifyPolicy = NotifyRule;

/**
 * What an alert change asks for, by its colour's mode. `page`: the level's primary at once and, if
 * nobody acknowledges, its backup after `backupAfterMs` (none when it is null), on a raise, a reopen
 * and the engine's escalation (a change `escalated` pages the next level the same way). `digest`:
 * the next digest on raise and reopen. `none`: nothing. Other changes ask for nothing (a scheduled
 * backup re-reads the alert and is dropped once it was acknowledged). The default policy: red pages,
 * orange goes into a digest, blue never pages.
 */
export function planNotices(change: AlertChanged, policy: NotifyPolicy, nowMs: number): PlannedNotice[] {
  const { alert } = change;
  const level = alert.escalationLevel;
  const opened = change.change === 'raised' || change.change === 'reopened';
  switch (policy[alert.colour]) {
    case 'none':
      return [];
    case 'digest':
      if (!opened) return [];
      return [
        { reason: 'digest', level, dutyRole: 'primary', dueAt: nextDigestAt(nowMs, policy.digestEveryMs) },
      ];
    case 'page': {
      if (!opened && change.change !== 'escalated') return [];
      const first: PlannedNotice = {
        reason: change.change === 'escalated' ? 'escalated' : 'first',
        level,
        dutyRole: 'primary',
        dueAt: nowMs,
      };
      if (policy.backupAfterMs === null) return [first];
      return [first, { reason: 'backup', level, dutyRole: 'backup', dueAt: nowMs + policy.backupAfterMs }];
    }
  }
}

/** The next digest boundary strictly after `nowMs`: digests leave on a fixed grid, not per alert. */
export function nextDigestAt(nowMs: number, everyMs: number): number {
  return (Math.floor(nowMs / everyMs) + 1) * everyMs;
}

/** Whether a scheduled notice still matters: the alert is unacknowledged at the same level. */
export function stillUnacknowledged(
  alert: { readonly state: AlertState; readonly escalationLevel: EscalationLevel },
  level: EscalationLevel,
): boolean {
  return isAlertUnacknowledged(alert.state) && alert.escalationLevel === level;
}
