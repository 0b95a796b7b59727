import {
  routeAllows,
  type CaseEventType,
  type CaseState,
  type ServiceTier,
  type UserRole,
} from '@fengqiao/contracts';
import { caseEventsFrom } from '@fengqiao/domain';

/** The lifecycle commands, each its own POST /api/cases/:caseId/<kind>. */
export const CASE_COMMANDS = [
  'triage',
  'assign',
  'mediation',
  'resolve',
  'close',
  'reopen',
  'escalate',
  'leader',
] as const;
export type CaseCommandKind = (typeof CASE_COMMANDS)[number];

/** The command that sends each case event (the route `POST /api/cases/:caseId/<command>`). */
const COMMAND_OF: Readonly<Record<Exclude<CaseEventType, 'reported'>, CaseCommandKind>> = {
  triaged: 'triage',
  assigned: 'assign',
  'in-mediation': 'mediation',
  escalated: 'escalate',
  'leader-assigned': 'leader',
  resolved: 'resolve',
  closed: 'close',
  reopened: 'reopen',
};

/**
 * The actions offered for a case. A major dispute also offers "a leader takes charge" while open.
 * These are offers, not permissions: the server answers each command, and a refusal or a conflict
 * with someone else's change is shown, never hidden.
 */
export function actionsFor(state: CaseState, tier: ServiceTier | null, role: UserRole): CaseCommandKind[] {
  // The lifecycle of @fengqiao/domain (which the API enforces); a leader is offered for major disputes.
  return (
    caseEventsFrom(state)
      .filter((t) => t !== 'leader-assigned' || tier === 'major')
      .map((t) => COMMAND_OF[t])
      // The route table decides who may send each command; this only hides dead buttons.
      .filter((kind) => routeAllows(`cases.${kind}`, role))
      .sort((a, b) => CASE_COMMANDS.indexOf(a) - CASE_COMMANDS.indexOf(b))
  );
}

/** The fields an action form may ask for, as typed. */
export interface CommandFields {
  readonly department: string;
  readonly person: string;
  readonly joint: boolean;
  readonly outcome: 'mediated' | 'adjudicated' | 'withdrawn' | 'referred';
  readonly satisfaction: number;
  readonly reason: string;
  readonly toLevel: 'township' | 'county' | 'city';
}

export const EMPTY_FIELDS: CommandFields = {
  department: '',
  person: '',
  joint: false,
  outcome: 'mediated',
  satisfaction: 5,
  reason: '',
  toLevel: 'county',
};

/** Which fields each action's form shows, in tab order. */
export const FIELDS_OF: Readonly<Record<CaseCommandKind, readonly (keyof CommandFields)[]>> = {
  triage: [],
  assign: ['department', 'person'],
  mediation: ['person', 'joint'],
  resolve: ['outcome'],
  close: ['satisfaction'],
  reopen: ['reason'],
  escalate: ['toLevel', 'reason'],
  leader: ['person', 'reason'],
};

export type CommandCheck =
  | { readonly ok: true; readonly body: Record<string, unknown> }
  | { readonly ok: false; readonly field: keyof CommandFields };

const filled = (s: string): boolean => s.trim().length > 0 && s.trim().length <= 64;

/** The request body of an action, or the first field still missing. */
export function commandBody(kind: CaseCommandKind, f: CommandFields): CommandCheck {
  const reason = f.reason.trim();
  const needReason = (body: Record<string, unknown>): CommandCheck =>
    reason.length === 0 ? { ok: false, field: 'reason' } : { ok: true, body: { ...body, reason } };
  switch (kind) {
    case 'triage':
      return { ok: true, body: {} };
    case 'assign':
      if (!filled(f.department)) return { ok: false, field: 'department' };
      if (!filled(f.person)) return { ok: false, field: 'person' };
      return { ok: true, body: { department: f.department.trim(), assignee: f.person.trim() } };
    case 'mediation':
      if (!filled(f.person)) return { ok: false, field: 'person' };
      return { ok: true, body: { mediator: f.person.trim(), joint: f.joint } };
    case 'resolve':
      return { ok: true, body: { outcome: f.outcome } };
    case 'close':
      return { ok: true, body: { satisfaction: f.satisfaction } };
    case 'reopen':
      return needReason({});
    case 'escalate':
      return needReason({ toLevel: f.toLevel });
    case 'leader':
      if (!filled(f.person)) return { ok: false, field: 'person' };
      return needReason({ leader: f.person.trim() });
  }
}

/**
 * True when the server refused a command because the case moved on meanwhile (someone else's
 * change came first): a 409, or the API's state validation failure ("a case that is X cannot be Y").
 */
export function isStateConflict(e: { status: number; code: string; message: string }): boolean {
  return e.status === 409 || (e.code === 'VALIDATION_FAILED' && / cannot be /.test(e.message));
}
