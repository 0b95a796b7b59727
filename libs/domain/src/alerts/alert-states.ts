import { type AlertState } from '@fengqiao/contracts';

/** States an alert does not leave but by reopening: an officer resolved it, or closed it after. */
export const FINISHED_ALERT_STATES: readonly AlertState[] = ['resolved', 'closed'];

/**
 * States in which nobody has taken the alert on: a red one climbs the escalation ladder, a backup
 * page still matters, the wall flashes it. Acknowledging, dispatching or silencing takes it on.
 */
export const UNACKNOWLEDGED_ALERT_STATES: readonly AlertState[] = ['raised', 'escalated', 'reopened'];

/**
 * Whether the alert is still open: anything not finished, silenced included (a silenced alert
 * still counts, can still be escalated and comes back when the silence ends). The SQL twin is
 * `OPEN` in libs/db `alert-store.sql.ts`.
 */
export function isAlertOpen(state: AlertState): boolean {
  return !FINISHED_ALERT_STATES.includes(state);
}

/** Whether nobody has taken the alert on yet (see UNACKNOWLEDGED_ALERT_STATES). */
export function isAlertUnacknowledged(state: AlertState): boolean {
  return UNACKNOWLEDGED_ALERT_STATES.includes(state);
}
