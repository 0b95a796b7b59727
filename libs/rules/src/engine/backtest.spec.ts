import { Harness, onlyRules } from '../__fixtures__/engine';
import { analytics, MIN, reported, T0 } from '../__fixtures__/events';
import { createEngineContext } from '../context';
import { DEFAULT_RULE_SET } from '../defaults/default-rule-set';
import { smallDirectory } from '../__fixtures__/events';
import { backtest } from './backtest';

const stored = [
  ...Array.from({ length: 6 }, (_, i) => ({ kind: 'case' as const, event: reported(T0 + i * MIN) })),
  { kind: 'camera-analytics' as const, event: analytics(T0 + 10 * MIN, 25, 'fire-smoke', 0.9) },
];

describe('backtest', () => {
  it('reports what a rule set would have raised, by colour and rule, with where and when', () => {
    const ctx = new Harness({ ruleSet: onlyRules('disputes-township-24h', 'fire-smoke') }).ctx;
    const report = backtest(ctx, stored, { tickMs: MIN });
    expect(report.inputs).toBe(7);
    expect(report.byColour).toEqual({ blue: 1, orange: 1, red: 1 });
    expect(report.byRule).toEqual({ 'disputes-township-24h': 2, 'fire-smoke': 1 });
    expect(report.alerts.at(-1)).toEqual({
      ruleId: 'fire-smoke',
      colour: 'red',
      county: '511902',
      township: '511902001',
      raisedAt: new Date(T0 + 10 * MIN).toISOString(),
    });
  });

  it('compares a proposed rule set with the active one on the same history', () => {
    const proposed = {
      ...DEFAULT_RULE_SET,
      version: 2,
      rules: DEFAULT_RULE_SET.rules.map((r) =>
        r.id === 'disputes-township-24h' && r.kind === 'window-threshold'
          ? { ...r, version: 2, levels: [{ colour: 'blue' as const, atLeast: 8 }] }
          : r,
      ),
    };
    const active = backtest(
      createEngineContext({ ruleSet: DEFAULT_RULE_SET, directory: smallDirectory() }),
      stored,
      { tickMs: MIN },
    );
    const next = backtest(createEngineContext({ ruleSet: proposed, directory: smallDirectory() }), stored, {
      tickMs: MIN,
    });
    expect(active.byRule['disputes-township-24h']).toBe(2);
    expect(next.byRule['disputes-township-24h']).toBeUndefined();
  });
});
