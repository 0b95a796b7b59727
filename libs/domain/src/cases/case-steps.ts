import { type CaseEventType, type CaseState } from '@fengqiao/contracts';

const OPEN: readonly CaseState[] = ['reported', 'triaged', 'assigned', 'in-mediation', 'reopened'];

/** One row of the case lifecycle. */
export interface CaseStep {
  /** States the event may follow. */
  readonly from: readonly CaseState[];
  /** The state after it; `null` keeps the state (escalation and a leader in charge are flags). */
  readonly to: CaseState | null;
}

/**
 * THE case lifecycle (domain.md: closed loop): reported → triaged → assigned → in mediation →
 * resolved → closed, reopened after. The API refuses what it does not allow, the dashboard offers
 * only what it allows, and the cases projection (SQL) reads the `to` column from the seeded
 * `case_steps` table (see `caseStepRows`).
 */
export const CASE_STEPS: Readonly<Record<Exclude<CaseEventType, 'reported'>, CaseStep>> = {
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

/** The state a case moves to with an event, or why the event does not fit its state (with a code). */
export function planCaseEvent(state: CaseState, type: Exclude<CaseEventType, 'reported'>): LifecyclePlan {
  const step = CASE_STEPS[type];
  if (!step.from.includes(state)) {
    return {
      ok: false,
      code: 'CASE_INVALID_TRANSITION',
      message: `a case that is ${state} cannot be ${type}`,
    };
  }
  return { ok: true, state: step.to ?? state };
}

/** Whether a case in `state` is still being handled (not resolved or closed). */
export function isCaseOpen(state: CaseState): boolean {
  return OPEN.includes(state);
}

/** The events a case in `state` may take next, in lifecycle order. */
export function caseEventsFrom(state: CaseState): Exclude<CaseEventType, 'reported'>[] {
  return (Object.keys(CASE_STEPS) as Exclude<CaseEventType, 'reported'>[]).filter((t) =>
    CASE_STEPS[t].from.includes(state),
  );
}

/** A row of the SQL `case_steps` table, which the cases projection reads. */
export interface CaseStepRow {
  readonly eventType: CaseEventType;
  readonly fromStates: readonly CaseState[];
  /** Null keeps the state (an escalation and a leader in charge are flags, not states). */
  readonly toState: CaseState | null;
}

/** The lifecycle as rows for the `case_steps` table; `reported` creates the case. */
export function caseStepRows(): CaseStepRow[] {
  const rows = (Object.keys(CASE_STEPS) as Exclude<CaseEventType, 'reported'>[]).map((t): CaseStepRow => ({
    eventType: t,
    fromStates: CASE_STEPS[t].from,
    toState: CASE_STEPS[t].to,
  }));
  return [{ eventType: 'reported', fromStates: [], toState: 'reported' }, ...rows];
}
