import { planCaseEvent } from './case-lifecycle';

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
