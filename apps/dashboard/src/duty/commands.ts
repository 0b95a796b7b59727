import { type Alert, type AlertState } from '@fengqiao/contracts';

/** What the officer asks for, as the API's transition bodies take it (minus the version). */
export type DutyCommand =
  | { readonly kind: 'acknowledge'; readonly note?: string }
  | { readonly kind: 'dispatch'; readonly unit: string; readonly note?: string }
  | { readonly kind: 'resolve'; readonly outcome: NonNullable<Alert['outcome']>; readonly note?: string }
  | { readonly kind: 'silence'; readonly minutes: number; readonly note: string };

export type CommandKind = DutyCommand['kind'];

/** From which states each command is offered (mirrors the API's transition table). */
export const ALLOWED_FROM: Record<CommandKind, readonly AlertState[]> = {
  acknowledge: ['raised', 'escalated', 'reopened', 'silenced'],
  dispatch: ['acknowledged'],
  resolve: ['acknowledged', 'dispatched'],
  silence: ['raised', 'reopened'],
};

const NEXT_STATE: Record<CommandKind, AlertState> = {
  acknowledge: 'acknowledged',
  dispatch: 'dispatched',
  resolve: 'resolved',
  silence: 'silenced',
};

export type CommandCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'state' | 'note' | 'red-silence' };

/** Whether the command can be sent for this alert as it is shown now. */
export function checkCommand(alert: Alert, cmd: DutyCommand): CommandCheck {
  if (!ALLOWED_FROM[cmd.kind].includes(alert.state)) return { ok: false, reason: 'state' };
  if (cmd.kind === 'acknowledge' && alert.colour === 'red' && (cmd.note ?? '').trim() === '')
    return { ok: false, reason: 'note' };
  if (cmd.kind === 'silence' && alert.colour === 'red') return { ok: false, reason: 'red-silence' };
  return { ok: true };
}

/** The alert as the console shows it while the request is in flight; the server's answer replaces it. */
export function optimisticAlert(alert: Alert, cmd: DutyCommand, nowIso: string): Alert {
  const next: Alert = {
    ...alert,
    state: NEXT_STATE[cmd.kind],
    version: alert.version + 1,
    updatedAt: nowIso,
  };
  if (cmd.kind === 'acknowledge') return { ...next, acknowledgedAt: nowIso };
  if (cmd.kind === 'resolve') return { ...next, resolvedAt: nowIso, outcome: cmd.outcome };
  return next;
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
