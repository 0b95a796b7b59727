import {
  routingTableRulesSchema,
  type RoutingConditionsBody,
  type RoutingRuleBody,
} from '@fengqiao/contracts';
import { DEFAULT_ROUTING_RULES } from './default-routing';
import { type RoutingConditions, type RoutingRule, validateRoutingTable } from './routing-rules';

/** `true` only when the contract and the engine name the same conditions (a compile-time check). */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const conditionsAgree: SameKeys<RoutingConditions, RoutingConditionsBody> = true;

const rule = (id: string, when: RoutingRule['when']): RoutingRule => ({
  id,
  title: id,
  when,
  then: { tier: 'general', department: '综治中心', unit: 'center' },
});
const catchAll = rule('catch-all', {});

describe('validateRoutingTable: what makes a table usable', () => {
  it('accepts the default table and a one-rule catch-all table', () => {
    expect(validateRoutingTable(DEFAULT_ROUTING_RULES)).toEqual([]);
    expect(validateRoutingTable([catchAll])).toEqual([]);
  });

  it.each([
    ['an empty table', [], [{ code: 'EMPTY_TABLE' }]],
    [
      'no catch-all at the end',
      [rule('a', { categories: ['medical'] })],
      [{ code: 'NO_CATCH_ALL', index: 0, ruleId: 'a' }],
    ],
    [
      'a catch-all before the end (the rules after it are dead)',
      [catchAll, rule('b', { categories: ['medical'] }), rule('z', {})],
      [{ code: 'CATCH_ALL_NOT_LAST', index: 0, ruleId: 'catch-all' }],
    ],
    [
      'a duplicate id',
      [rule('a', { weekdays: [1] }), rule('a', { weekdays: [2] }), catchAll],
      [{ code: 'DUPLICATE_RULE_ID', index: 1, ruleId: 'a' }],
    ],
    [
      'an hour of 24',
      [rule('late', { hours: { from: 22, to: 24 } }), catchAll],
      [{ code: 'BAD_HOURS', index: 0, ruleId: 'late' }],
    ],
    [
      'a weekday of 7',
      [rule('sun', { weekdays: [7] }), catchAll],
      [{ code: 'BAD_WEEKDAY', index: 0, ruleId: 'sun' }],
    ],
    [
      'a region prefix with letters',
      [rule('r', { regionPrefixes: ['5119x'] }), catchAll],
      [{ code: 'BAD_REGION_PREFIX', index: 0, ruleId: 'r' }],
    ],
  ] as const)('refuses %s', (_t, rules, problems) => {
    expect(validateRoutingTable(rules)).toEqual(problems);
  });

  it('treats conditions that are all absent as a catch-all', () => {
    expect(validateRoutingTable([rule('x', { categories: undefined })])).toEqual([]);
  });
});

describe('the wire schema of a routing table (@fengqiao/contracts)', () => {
  it('parses the default table unchanged, so it can be stored and read back as data', () => {
    const parsed: RoutingRuleBody[] = routingTableRulesSchema.parse(DEFAULT_ROUTING_RULES);
    // The contract's rule type is usable wherever the engine's is (a compile-time check as well).
    const asEngineRules: readonly RoutingRule[] = parsed;
    expect(asEngineRules).toEqual(DEFAULT_ROUTING_RULES);
    expect(conditionsAgree).toBe(true);
  });

  it.each([
    ['an hour of 24', { hours: { from: 22, to: 24 } }, 'when.hours.to'],
    ['equal hours', { hours: { from: 5, to: 5 } }, 'when.hours'],
    ['a weekday of 7', { weekdays: [7] }, 'when.weekdays.0'],
    ['a region prefix with letters', { regionPrefixes: ['5119x'] }, 'when.regionPrefixes.0'],
    ['an unknown category', { categories: ['noise'] }, 'when.categories.0'],
    ['an empty category list', { categories: [] }, 'when.categories'],
    ['an unknown condition', { moonPhase: 'full' }, 'when'],
  ])('refuses %s at its path', (_t, when, path) => {
    const result = routingTableRulesSchema.safeParse([{ ...catchAll, when }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(`0.${path}`);
  });
});
