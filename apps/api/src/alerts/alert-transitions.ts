import {
  ESCALATION_LEVELS,
  type Alert,
  type AlertChangeKind,
  type AlertState,
  type EscalationLevel,
} from '@fengqiao/contracts';
import { type ApiErrorCode } from '@fengqiao/contracts';

/** What an officer asks for; the body schemas of the four transition routes. */
export type TransitionCommand =
  | { readonly kind: 'acknowledge'; readonly note?: string }
  | { readonly kind: 'dispatch'; readonly unit: string; readonly note?: string }
  | { readonly kind: 'resolve'; readonly outcome: NonNullable<Alert['outcome']>; readonly note?: string }
  | { readonly kind: 'silence'; readonly minutes: number; readonly note: string }
  | { readonly kind: 'escalate'; readonly note: string; readonly toLevel?: EscalationLevel };

export type TransitionPlan =
  | { readonly ok: true; readonly next: Alert; readonly change: AlertChangeKind; readonly note?: string }
  | { readonly ok: false; readonly code: ApiErrorCode; readonly message: string };

/** From which states each command is allowed. */
const ALLOWED_FROM: Record<TransitionCommand['kind'], readonly AlertState[]> = {
  acknowledge: ['raised', 'escalated', 'reopened', 'silenced'],
  dispatch: ['acknowledged'],
  resolve: ['acknowledged', 'dispatched'],
  silence: ['raised', 'reopened'],
  // Anything still open may be handed up, including an alert already escalated once.
  escalate: ['raised', 'acknowledged', 'dispatched', 'silenced', 'escalated', 'reopened'],
};

const refuse = (code: ApiErrorCode, message: string): TransitionPlan => ({ ok: false, code, message });

function joinNote(prefix: string | undefined, note: string | undefined): string | undefined {
  if (prefix === undefined) return note;
  return note === undefined ? prefix : `${prefix}: ${note}`;
}

/**
 * The alert after a command, or why not. Pure: `now` is an argument. Red alerts need a note to be
 * acknowledged and can never be silenced (a red alert is handled, not muted).
 */
export function planTransition(alert: Alert, cmd: TransitionCommand, now: string): TransitionPlan {
  if (!ALLOWED_FROM[cmd.kind].includes(alert.state)) {
    return refuse('ALERT_INVALID_TRANSITION', `cannot ${cmd.kind} an alert that is ${alert.state}`);
  }
  const base = { ...alert, version: alert.version + 1, updatedAt: now };
  switch (cmd.kind) {
    case 'acknowledge':
      if (alert.colour === 'red' && cmd.note === undefined) {
        return refuse('ALERT_NOTE_REQUIRED', 'a red alert is acknowledged with a note');
      }
      return {
        ok: true,
        change: 'acknowledged',
        note: cmd.note,
        next: { ...base, state: 'acknowledged', acknowledgedAt: now },
      };
    case 'dispatch':
      return {
        ok: true,
        change: 'dispatched',
        note: joinNote(`unit ${cmd.unit}`, cmd.note),
        next: { ...base, state: 'dispatched' },
      };
    case 'resolve':
      return {
        ok: true,
        change: 'resolved',
        note: joinNote(`outcome ${cmd.outcome}`, cmd.note),
        next: { ...base, state: 'resolved', resolvedAt: now, outcome: cmd.outcome },
      };
    case 'silence':
      if (alert.colour === 'red') return refuse('ALERT_NOT_SILENCEABLE', 'a red alert cannot be silenced');
      return {
        ok: true,
        change: 'silenced',
        note: joinNote(`for ${cmd.minutes} min`, cmd.note),
        next: { ...base, state: 'silenced' },
      };
    case 'escalate':
      return planEscalation(alert, base, cmd);
  }
}

/** One level up by default; an explicit level must be above the current one. */
function planEscalation(
  alert: Alert,
  base: Alert,
  cmd: { readonly note: string; readonly toLevel?: EscalationLevel },
): TransitionPlan {
  const current = ESCALATION_LEVELS.indexOf(alert.escalationLevel);
  const target = cmd.toLevel === undefined ? current + 1 : ESCALATION_LEVELS.indexOf(cmd.toLevel);
  const level = ESCALATION_LEVELS[target];
  if (level === undefined || target <= current) {
    return refuse(
      'ALERT_INVALID_TRANSITION',
      `cannot escalate from ${alert.escalationLevel} to ${cmd.toLevel ?? 'a higher level'}`,
    );
  }
  return {
    ok: true,
    change: 'escalated',
    note: joinNote(`to ${level}`, cmd.note),
    next: { ...base, state: 'escalated', escalationLevel: level },
  };
}
