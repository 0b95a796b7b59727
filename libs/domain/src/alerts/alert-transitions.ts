import {
  ESCALATION_LEVELS,
  type Alert,
  type AlertChangeKind,
  type AlertState,
  type ApiErrorCode,
  type EscalationLevel,
} from '@fengqiao/contracts';
import { isDispatchUnitOf } from './dispatch-units';

/** What a person may do to an alert (docs/rules.md, Lifecycle and escalation). */
export type AlertAction = 'acknowledge' | 'dispatch' | 'resolve' | 'close' | 'silence' | 'escalate';

/** One row of the alert lifecycle: the states an action is allowed from and the state it leads to. */
export interface AlertTransition {
  readonly from: readonly AlertState[];
  readonly to: AlertState & AlertChangeKind;
}

/**
 * THE alert transition table: raised → acknowledged → dispatched → resolved → closed, with the side
 * states silenced, escalated and reopened. The API refuses what it does not allow, the dashboard
 * offers only what it allows, and the engine applies human commands by it.
 */
export const ALERT_TRANSITIONS: Readonly<Record<AlertAction, AlertTransition>> = {
  acknowledge: { from: ['raised', 'escalated', 'reopened', 'silenced'], to: 'acknowledged' },
  dispatch: { from: ['acknowledged'], to: 'dispatched' },
  resolve: { from: ['acknowledged', 'dispatched'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  silence: { from: ['raised', 'reopened'], to: 'silenced' },
  // Anything still open may be handed up, including an alert already escalated once.
  escalate: {
    from: ['raised', 'acknowledged', 'dispatched', 'silenced', 'escalated', 'reopened'],
    to: 'escalated',
  },
};

/** Whether `action` is allowed on an alert in `state`. */
export function isAlertActionAllowed(action: AlertAction, state: AlertState): boolean {
  return ALERT_TRANSITIONS[action].from.includes(state);
}

/** The actions allowed on an alert in `state`, in table order. */
export function alertActionsFrom(state: AlertState): AlertAction[] {
  return (Object.keys(ALERT_TRANSITIONS) as AlertAction[]).filter((a) => isAlertActionAllowed(a, state));
}

/** What an officer asks for; the body schemas of the transition routes. */
export type AlertCommand =
  | { readonly kind: 'acknowledge'; readonly note?: string }
  | { readonly kind: 'dispatch'; readonly unit: string; readonly note?: string }
  | { readonly kind: 'resolve'; readonly outcome: NonNullable<Alert['outcome']>; readonly note?: string }
  | { readonly kind: 'close'; readonly note?: string }
  | { readonly kind: 'silence'; readonly minutes: number; readonly note: string }
  | { readonly kind: 'escalate'; readonly note: string; readonly toLevel?: EscalationLevel };

/** Why a command cannot be applied, with the API's error code. */
export interface AlertRefusal {
  readonly code: Extract<
    ApiErrorCode,
    'ALERT_INVALID_TRANSITION' | 'ALERT_NOTE_REQUIRED' | 'ALERT_NOT_SILENCEABLE' | 'DISPATCH_UNIT_UNKNOWN'
  >;
  readonly message: string;
}

export type AlertTransitionPlan =
  | { readonly ok: true; readonly next: Alert; readonly change: AlertChangeKind; readonly note?: string }
  | ({ readonly ok: false } & AlertRefusal);

const blank = (note: string | undefined): boolean => note === undefined || note.trim() === '';

/**
 * Why the command cannot be applied to the alert as it stands, or undefined when it can. Red
 * alerts need a note to be acknowledged and can never be silenced (a red alert is handled, not muted);
 * a dispatch names one of the units of the alert's township or county (dispatch-units.ts).
 */
export function refusalOf(alert: Alert, cmd: AlertCommand): AlertRefusal | undefined {
  if (!isAlertActionAllowed(cmd.kind, alert.state)) {
    return {
      code: 'ALERT_INVALID_TRANSITION',
      message: `cannot ${cmd.kind} an alert that is ${alert.state}`,
    };
  }
  if (cmd.kind === 'acknowledge' && alert.colour === 'red' && blank(cmd.note)) {
    return { code: 'ALERT_NOTE_REQUIRED', message: 'a red alert is acknowledged with a note' };
  }
  if (cmd.kind === 'silence' && alert.colour === 'red') {
    return { code: 'ALERT_NOT_SILENCEABLE', message: 'a red alert cannot be silenced' };
  }
  if (cmd.kind === 'dispatch' && !isDispatchUnitOf(alert.region, cmd.unit)) {
    return {
      code: 'DISPATCH_UNIT_UNKNOWN',
      message: `no unit ${cmd.unit} stands at the alert's township or county: name one as unit@region (e.g. ${dispatchExample(alert)})`,
    };
  }
  return undefined;
}

function dispatchExample(alert: Alert): string {
  return `center@${alert.region.township ?? alert.region.county}`;
}

function joinNote(prefix: string | undefined, note: string | undefined): string | undefined {
  if (prefix === undefined) return note;
  return note === undefined ? prefix : `${prefix}: ${note}`;
}

/** The alert after a command, or why not. Pure: `now` (ISO-8601) is an argument. */
export function planAlertTransition(alert: Alert, cmd: AlertCommand, now: string): AlertTransitionPlan {
  const refusal = refusalOf(alert, cmd);
  if (refusal !== undefined) return { ok: false, ...refusal };
  const state = ALERT_TRANSITIONS[cmd.kind].to;
  const base: Alert = { ...alert, state, version: alert.version + 1, updatedAt: now };
  const plan = (next: Alert, note: string | undefined): AlertTransitionPlan => ({
    ok: true,
    change: state,
    next,
    ...(note === undefined ? {} : { note }),
  });
  switch (cmd.kind) {
    case 'acknowledge':
      return plan({ ...base, acknowledgedAt: now }, cmd.note);
    case 'dispatch':
      return plan(base, joinNote(`unit ${cmd.unit}`, cmd.note));
    case 'resolve':
      return plan(
        { ...base, resolvedAt: now, outcome: cmd.outcome },
        joinNote(`outcome ${cmd.outcome}`, cmd.note),
      );
    case 'close':
      return plan(base, cmd.note);
    case 'silence':
      return plan(base, joinNote(`for ${cmd.minutes} min`, cmd.note));
    case 'escalate':
      return planEscalation(alert, base, cmd);
  }
}

/** One level up by default; an explicit level must be above the current one. */
function planEscalation(
  alert: Alert,
  base: Alert,
  cmd: { readonly note: string; readonly toLevel?: EscalationLevel },
): AlertTransitionPlan {
  const current = ESCALATION_LEVELS.indexOf(alert.escalationLevel);
  const target = cmd.toLevel === undefined ? current + 1 : ESCALATION_LEVELS.indexOf(cmd.toLevel);
  const level = ESCALATION_LEVELS[target];
  if (level === undefined || target <= current) {
    return {
      ok: false,
      code: 'ALERT_INVALID_TRANSITION',
      message: `cannot escalate from ${alert.escalationLevel} to ${cmd.toLevel ?? 'a higher level'}`,
    };
  }
  return {
    ok: true,
    change: 'escalated',
    note: joinNote(`to ${level}`, cmd.note),
    next: { ...base, escalationLevel: level },
  };
}
