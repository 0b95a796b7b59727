import { DEFAULT_ROUTING_RULES, type RoutingRule } from '@fengqiao/intake';
import { ApiError, type ApiIssue } from '../common/api-error';
import { validRoutingTable } from './routing-table-validation';

const catchAll = DEFAULT_ROUTING_RULES[DEFAULT_ROUTING_RULES.length - 1] as RoutingRule;
const neighbourhood = DEFAULT_ROUTING_RULES.find((r) => r.id === 'neighbourhood') as RoutingRule;

function issuesOf(rules: unknown): readonly ApiIssue[] {
  try {
    validRoutingTable(rules);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') return err.issues ?? [];
    throw err;
  }
  throw new Error('the table was accepted');
}

describe('validRoutingTable: the contract, then the engine’s table checks', () => {
  it('accepts the default table as it is', () => {
    expect(validRoutingTable(JSON.parse(JSON.stringify(DEFAULT_ROUTING_RULES)))).toEqual(
      DEFAULT_ROUTING_RULES,
    );
  });

  it.each([
    ['no catch-all', [neighbourhood], 'rules.0', /^NO_CATCH_ALL: the last rule 'neighbourhood'/],
    [
      'a duplicate id',
      [neighbourhood, neighbourhood, catchAll],
      'rules.1',
      /^DUPLICATE_RULE_ID: .*'neighbourhood'/,
    ],
    [
      'a catch-all first',
      [catchAll, neighbourhood, { ...catchAll, id: 'z' }],
      'rules.0',
      /^CATCH_ALL_NOT_LAST/,
    ],
    [
      'an hour of 25',
      [{ ...neighbourhood, when: { hours: { from: 25, to: 8 } } }, catchAll],
      'rules.0.when.hours.from',
      /25|23/,
    ],
    [
      'an unknown tier',
      [{ ...catchAll, then: { ...catchAll.then, tier: 'urgent' } }],
      'rules.0.then.tier',
      /./,
    ],
    ['an empty table', [], 'rules', /./],
    ['not a list', { rules: [] }, 'rules', /./],
  ])('refuses %s, naming where and why', (_t, rules, path, message) => {
    const issues = issuesOf(rules);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)?.message).toMatch(message);
  });
});
