import { DEFAULT_RULE_SET } from '../defaults/default-rule-set';
import { compileRuleSet, RuleSetError } from './compile';

const withRule = (patch: Record<string, unknown>) => ({
  ...DEFAULT_RULE_SET,
  rules: [{ ...DEFAULT_RULE_SET.rules[0], ...patch }],
});

describe('declarative rule sets', () => {
  it('the default rule set validates and compiles every rule kind', () => {
    const rules = compileRuleSet(DEFAULT_RULE_SET);
    const kinds = new Set(rules.spec.rules.map((r) => r.kind));
    expect([...kinds].sort()).toEqual([
      'anomaly',
      'camera-offline-share',
      'dark-key-site',
      'deadline',
      'repeat',
      'single-event',
      'window-threshold',
    ]);
    expect(rules.spec.rules.every((r) => r.enabled)).toBe(true);
  });

  it('survives a JSON round trip (rule sets are a wire format)', () => {
    const json = JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as unknown;
    expect(compileRuleSet(json).spec).toEqual(compileRuleSet(DEFAULT_RULE_SET).spec);
  });

  it.each([
    ['an unknown kind', { kind: 'telepathy' }, 'rules.0.kind'],
    ['an unknown fact', { when: [{ fact: 'mood', op: 'eq', value: 'bad' }] }, 'rules.0.when.0.fact'],
    ['a bad id', { id: 'Has Spaces' }, 'rules.0.id'],
    ['a version 0', { version: 0 }, 'rules.0.version'],
    ['an unknown colour', { colour: 'purple' }, 'rules.0.colour'],
    ['an extra field', { priority: 3 }, 'rules.0'],
  ])('refuses %s with code RULE_SET_INVALID at %s', (_title, patch, path) => {
    try {
      compileRuleSet(withRule(patch));
      throw new Error('expected a RuleSetError');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSetError);
      const err = e as RuleSetError;
      expect(err.code).toBe('RULE_SET_INVALID');
      expect(err.issues.map((i) => i.path)).toContain(path);
    }
  });

  it('refuses duplicate rule ids and a window that is not whole buckets', () => {
    const dup = { ...DEFAULT_RULE_SET, rules: [DEFAULT_RULE_SET.rules[0], DEFAULT_RULE_SET.rules[0]] };
    expect(() => compileRuleSet(dup)).toThrow(/duplicate rule id/);
    const win = DEFAULT_RULE_SET.rules.find((r) => r.id === 'disputes-township-24h');
    const bad = { ...DEFAULT_RULE_SET, rules: [{ ...win, bucketMs: 7 * 60_000 }] };
    expect(() => compileRuleSet(bad)).toThrow(/whole number/);
  });

  it('a disabled rule is not compiled', () => {
    const rules = compileRuleSet(withRule({ enabled: false }));
    expect(rules.singleEvent.case).toEqual([]);
  });
});
