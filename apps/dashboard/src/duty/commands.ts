import { ESCALATION_LEVELS, type Alert, type EscalationLevel } from '@fengqiao/contracts';
import { planAlertTransition, refusalOf, type AlertCommand, type AlertRefusal } from '@fengqiao/domain';

/** What the officer asks for from the console, as the API's transition bodies take it (minus the version). */
export type DutyCommand = Extract<
  AlertCommand,
  { kind: 'acknowledge' | 'dispatch' | 'resolve' | 'silence' | 'escalate' }
>;

export type CommandKind = DutyCommand['kind'];

const REASON_OF: Readonly<Record<AlertRefusal['code'], 'state' | 'note' | 'red-silence' | 'unit'>> = {
  ALERT_INVALID_TRANSITION: 'state',
  ALERT_NOTE_REQUIRED: 'note',
  ALERT_NOT_SILENCEABLE: 'red-silence',
  DISPATCH_UNIT_UNKNOWN: 'unit',
};

export type CommandCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'state' | 'note' | 'red-silence' | 'top-level' | 'unit' };

/** Whether the command can be sent for this alert as it is shown now (the API's own table and checks). */
export function checkCommand(alert: Alert, cmd: DutyCommand): CommandCheck {
  const refusal = refusalOf(alert, cmd);
  if (refusal !== undefined) return { ok: false, reason: REASON_OF[refusal.code] };
  if (cmd.kind !== 'escalate') return { ok: true };
  // The route's schema requires a note; the level must be above the current one.
  if (cmd.note.trim() === '') return { ok: false, reason: 'note' };
  const target = cmd.toLevel ?? nextEscalationLevel(alert);
  const above = ESCALATION_LEVELS.indexOf(alert.escalationLevel);
  return target !== undefined && ESCALATION_LEVELS.indexOf(target) > above
    ? { ok: true }
    : { ok: false, reason: 'top-level' };
}

/**
 * The level an escalation hands the alert to: the one above its current level (grid → township →
 * county → city), or undefined at city level. Sent as `toLevel` so the level named is the level used.
 */
export function nextEscalationLevel(alert: Alert): EscalationLevel | undefined {
  return ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(alert.escalationLevel) + 1];
}

/** The alert as the console shows it while the request is in flight; the server's answer replaces it. */
export function optimisticAlert(alert: Alert, cmd: DutyCommand, nowIso: string): Alert {
  const plan = planAlertTransition(alert, cmd, nowIso);
  return plan.ok ? plan.next : alert;
}

/** The request body for the command at the version the officer saw. */
export function requestBody(cmd: DutyCommand, version: number): Record<string, unknown> {
  const { kind: _kind, ...rest } = cmd;
  const body: Record<string, unknown> = { version, ...rest };
  if (typeof body.note === 'string' && body.note.trim() === '') delete body.note;
  return body;
}

/** The prefilled acknowledgement note, so a red alert takes two keystrokes: `a`, then Enter. */
export const DEFAULT_ACK_NOTE = { zh: '已签收，正在核实处置', en: 'Acknowledged, verifying' } as const;
