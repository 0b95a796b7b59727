import { type CaseEventType, type CaseState } from '@fengqiao/contracts';

const OPEN: readonly CaseState[] = ['reported', 'triaged', 'assigned', 'in-mediation', 'reopened'];

interface Step {
  /** States the event may follow. */
  readonly from: readonly CaseState[];
  /** The state after it; `null` keeps the state (escalation and a leader in charge are flags). */
  readonly to: CaseState | null;
}

/** The lifecycle of a case (domain.md: closed loop): reported → triaged → assigned → in mediation → resolved → closed. */
const STEPS: Readonly<Record<Exclude<CaseEventType, 'reported'>, Step>> = {
  // Re-triage (an override after the suggestion) is allowed until someone is assigned.
  triaged: { from: ['reported', 'triaged', 'reopened'], to: 'triaged' },
  assigned: { from: ['triaged', 'assigned', 'in-mediation', 'reopened'], to: 'assigned' },
  'in-mediation': { from: ['triaged', 'assigned'], to: 'in-mediation' },
  escalated: { from: OPEN, to: null },
  'leader-assigned': { from: OPEN, to: null },
  resolved: { from: ['triaged', 'assigned', 'in-mediation', 'reopened'], to: 'resolved' },
  closed: { from: ['resolved'], to: 'closed' },
  reopened: { from: ['resolved', 'closed'], to: 'reopened' },
};

export type LifecyclePlan =
  | { readonly ok: true; readonly state: CaseState }
  | { readonly ok: false; readonly code: 'CASE_INVALID_TRANSITION'; readonly message: string };

/** The state a case moves to with an event, or why the event does not fit its state. */
export function planCaseEvent(state: CaseState, type: Exclude<CaseEventType, 'reported'>): LifecyclePlan {
  const step = STEPS[type];
  if (!step.from.includes(state)) {
    return {
      ok: false,
      code: 'CASE_INVALID_TRANSITION',
      message: `a case that is ${state} cannot be ${type}`,
    };
  }
  return { ok: true, state: step.to ?? state };
}

export function isOpen(state: CaseState): boolean {
  return OPEN.includes(state);
}
