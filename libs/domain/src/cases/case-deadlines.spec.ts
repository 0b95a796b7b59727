import fc from 'fast-check';
import { CASE_EVENT_TYPES, SERVICE_TIERS } from '@fengqiao/contracts';
import { deadlineRule, deadlineRuleSet, TIER_RULE_SET } from '../__fixtures__/deadline-rules';
import {
  caseClockRuleRows,
  caseDeadlinesOf,
  keepingEventsOf,
  ON_THE_SPOT,
  ROUTING_WITHIN_ONE_WORKING_DAY,
  stopsClock,
} from './case-deadlines';

const deadlines = caseDeadlinesOf(TIER_RULE_SET);

describe('caseDeadlinesOf', () => {
  it.each([
    ['consultation (no rule): on the spot, from triage', 'consultation', 'triaged', 'working-days', 0, null],
    ['simple: the same working day', 'simple', 'triaged', 'working-days', 0, 'simple'],
    ['general: 5 working days', 'general', 'triaged', 'working-days', 5, 'general'],
    ['complex: 61 calendar days', 'complex', 'triaged', 'calendar-days', 61, 'complex'],
    ['major: a leader within 24 hours', 'major', 'triaged', 'hours', 24, 'major'],
  ] as const)('%s', (_title, tier, startOn, unit, count, ruleId) => {
    expect(deadlines.tiers[tier]).toMatchObject({ startOn, due: { unit, count }, ruleId });
  });

  it.each([
    ['major', 'leader-assigned', true],
    ['major', 'escalated', true],
    ['major', 'assigned', false],
    ['major', 'resolved', true],
    ['general', 'assigned', false],
    ['general', 'escalated', false],
    ['consultation', 'closed', true],
  ] as const)('a %s clock is stopped by %s: %s', (tier, type, stops) => {
    expect(stopsClock(deadlines.tiers[tier], type)).toBe(stops);
  });

  it('routing is the `any` rule, or one working day when a set has none', () => {
    expect(deadlines.routing).toMatchObject({ ruleId: 'routing', startOn: 'reported' });
    expect(caseDeadlinesOf(deadlineRuleSet([])).routing).toEqual(ROUTING_WITHIN_ONE_WORKING_DAY);
  });

  it('a tier without a rule falls back to on the spot', () => {
    const only = caseDeadlinesOf(
      deadlineRuleSet([deadlineRule('g', 'general', ['closed'], { unit: 'hours', count: 1 })]),
    );
    expect(only.tiers.major).toEqual(ON_THE_SPOT);
    expect(only.tiers.general.stopOn).toEqual(['closed']);
  });

  it('the events that keep a promise without finishing the case', () => {
    expect(keepingEventsOf(deadlines)).toEqual(['escalated', 'leader-assigned']);
  });

  it('one row per clock for the SQL table, routing first', () => {
    const rows = caseClockRuleRows(deadlines);
    expect(rows.map((r) => r.clock)).toEqual(['routing', ...SERVICE_TIERS]);
    expect(rows.find((r) => r.clock === 'major')).toEqual({
      clock: 'major',
      ruleId: 'major',
      startOn: 'triaged',
      stopOn: ['leader-assigned', 'escalated', 'resolved', 'closed'],
      dueUnit: 'hours',
      dueCount: 24,
    });
  });

  it('every tier clock stops when the case finishes, whatever else the set says', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERVICE_TIERS), fc.constantFrom(...CASE_EVENT_TYPES), (tier, type) => {
        const stops = stopsClock(deadlines.tiers[tier], type);
        if (type === 'resolved' || type === 'closed') expect(stops).toBe(true);
        if (type === 'reported' || type === 'triaged' || type === 'assigned') expect(stops).toBe(false);
      }),
    );
  });
});
