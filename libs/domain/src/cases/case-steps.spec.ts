import fc from 'fast-check';
import { CASE_STATES } from '@fengqiao/contracts';
import { CASE_STEPS, caseEventsFrom, caseStepRows, isCaseOpen, planCaseEvent } from './case-steps';

describe('planCaseEvent', () => {
  it.each([
    ['reported', 'triaged', 'triaged'],
    ['triaged', 'triaged', 'triaged'],
    ['triaged', 'assigned', 'assigned'],
    ['assigned', 'in-mediation', 'in-mediation'],
    ['in-mediation', 'resolved', 'resolved'],
    ['resolved', 'closed', 'closed'],
    ['closed', 'reopened', 'reopened'],
    ['reopened', 'assigned', 'assigned'],
    ['assigned', 'escalated', 'assigned'],
    ['triaged', 'leader-assigned', 'triaged'],
  ] as const)('%s + %s → %s', (from, type, to) => {
    expect(planCaseEvent(from, type)).toEqual({ ok: true, state: to });
  });

  it.each([
    ['reported', 'assigned'],
    ['reported', 'resolved'],
    ['triaged', 'closed'],
    ['closed', 'escalated'],
    ['resolved', 'in-mediation'],
    ['assigned', 'reopened'],
  ] as const)('refuses %s + %s', (from, type) => {
    expect(planCaseEvent(from, type)).toMatchObject({ ok: false, code: 'CASE_INVALID_TRANSITION' });
  });
});

describe('the case lifecycle table', () => {
  it.each([
    ['reported', ['triaged', 'escalated', 'leader-assigned']],
    ['triaged', ['triaged', 'assigned', 'in-mediation', 'escalated', 'leader-assigned', 'resolved']],
    ['resolved', ['closed', 'reopened']],
    ['closed', ['reopened']],
    ['reopened', ['triaged', 'assigned', 'escalated', 'leader-assigned', 'resolved']],
  ] as const)('a %s case may take %j', (state, events) => {
    expect(caseEventsFrom(state)).toEqual(events);
  });

  it('every row of the SQL table is the lifecycle, with reported first', () => {
    const rows = caseStepRows();
    expect(rows[0]).toEqual({ eventType: 'reported', fromStates: [], toState: 'reported' });
    for (const r of rows.slice(1)) {
      expect(CASE_STEPS[r.eventType as keyof typeof CASE_STEPS]).toEqual({
        from: r.fromStates,
        to: r.toState,
      });
    }
  });

  it('an allowed event never leaves an open case without a state, and only a reopening leaves a done one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CASE_STATES),
        fc.constantFrom(...(Object.keys(CASE_STEPS) as (keyof typeof CASE_STEPS)[])),
        (state, type) => {
          const plan = planCaseEvent(state, type);
          if (!plan.ok) return;
          if (!isCaseOpen(state)) expect(['closed', 'reopened']).toContain(plan.state);
          expect(CASE_STATES).toContain(plan.state);
        },
      ),
    );
  });
});
