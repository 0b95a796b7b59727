import { ruleSetSchema } from '@fengqiao/contracts';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { ApiError } from '../common/api-error';
import { validateRuleSet } from './rules.service';

const base = () => structuredClone(ruleSetSchema.parse(DEFAULT_RULE_SET));

function issuesOf(body: unknown): { path: string; message: string }[] {
  try {
    validateRuleSet(body);
  } catch (err) {
    if (err instanceof ApiError) return [...(err.issues ?? [])];
    throw err;
  }
  return [];
}

describe('validating a proposed rule set', () => {
  it('accepts the default set', () => {
    expect(validateRuleSet(base()).rules.length).toBe(DEFAULT_RULE_SET.rules.length);
  });

  it('names the rule and field of a schema error', () => {
    const body = base();
    const i = body.rules.findIndex((r) => r.id === 'crowd-at-square');
    (body.rules[i] as { colour: string }).colour = 'purple';
    expect(issuesOf(body).map((x) => x.path)).toContain(`body.rules.${i}.colour`);
  });

  it('names a duplicate rule id', () => {
    const body = base();
    body.rules.push({ ...body.rules[0]! });
    expect(issuesOf(body)).toContainEqual({
      path: `body.rules.${body.rules.length - 1}.id`,
      message: 'duplicate rule id',
    });
  });

  it('refuses a matcher regex that does not compile', () => {
    const body = base();
    body.inhibitions.push({
      id: 'bad',
      source: [{ label: 'ruleId', op: '=~', value: '(' }],
      target: [{ label: 'colour', op: '=', value: 'blue' }],
      equal: [],
    });
    expect(issuesOf(body)[0]?.path).toBe('body');
  });
});
