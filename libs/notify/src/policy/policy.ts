import { type AlertChanged, type EscalationLevel } from '@fengqiao/contracts';
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

export interface NotifyPolicy {
  /** A red alert still unacknowledged this long after a level was paged pages that level's backup. */
  readonly backupAfterMs: number;
  /** Orange alerts are gathered and sent in one digest per person at most this often. */
  readonly digestEveryMs: number;
}

/**
 * What an alert change asks for: red pages the level's primary at once and, if nobody acknowledges,
 * its backup after `backupAfterMs`; the engine's escalation (a change `escalated`) pages the next
 * level the same way. Orange goes into the next digest; blue never pages. Other changes ask for
 * nothing (a scheduled backup re-reads the alert and is dropped once it was acknowledged).
 */
export function planNotices(change: AlertChanged, policy: NotifyPolicy, nowMs: number): PlannedNotice[] {
  const { alert } = change;
  const level = alert.escalationLevel;
  switch (alert.colour) {
    case 'blue':
      return [];
    case 'orange':
      if (change.change !== 'raised' && change.change !== 'reopened') return [];
      return [
        { reason: 'digest', level, dutyRole: 'primary', dueAt: nextDigestAt(nowMs, policy.digestEveryMs) },
      ];
    case 'red': {
      const paging =
        change.change === 'raised' || change.change === 'reopened' || change.change === 'escalated';
      if (!paging) return [];
      return [
        {
          reason: change.change === 'escalated' ? 'escalated' : 'first',
          level,
          dutyRole: 'primary',
          dueAt: nowMs,
        },
        { reason: 'backup', level, dutyRole: 'backup', dueAt: nowMs + policy.backupAfterMs },
      ];
    }
  }
}

/** The next digest boundary strictly after `nowMs`: digests leave on a fixed grid, not per alert. */
export function nextDigestAt(nowMs: number, everyMs: number): number {
  return (Math.floor(nowMs / everyMs) + 1) * everyMs;
}

/** Whether a scheduled notice still matters: the alert is unacknowledged at the same level. */
export function stillUnacknowledged(
  alert: { readonly state: string; readonly escalationLevel: EscalationLevel },
  level: EscalationLevel,
): boolean {
  return ['raised', 'reopened', 'escalated'].includes(alert.state) && alert.escalationLevel === level;
}
