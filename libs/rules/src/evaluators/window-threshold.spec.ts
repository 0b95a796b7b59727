import { Harness, onlyRules } from '../__fixtures__/engine';
import { HOUR, MIN, reported, T0 } from '../__fixtures__/events';
import { createEngineContext } from '../context';
import { step } from '../engine/step';

const feedCases = (
  h: Harness,
  n: number,
  start: number,
  step = MIN,
  category: 'neighbourhood' | 'labour-wages' = 'neighbourhood',
) => {
  for (let i = 0; i < n; i++)
    h.feed({ kind: 'case', event: reported(start + i * step, { category }) }, start + i * step);
};
const colourNow = (h: Harness): string | undefined => {
  const open = [...h.state.book.byKey.values()].filter((e) => e.alert.state !== 'resolved');
  return open[0]?.alert.colour;
};

describe('windowed threshold: disputes of one category per township in 24 h', () => {
  it.each([
    [2, undefined],
    [3, 'blue'],
    [4, 'blue'],
    [5, 'orange'],
    [9, 'orange'],
    [10, 'red'],
  ])('%i disputes → %s', (n, colour) => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, n, T0);
    expect(colourNow(h)).toBe(colour);
  });

  it('counts each category apart', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, 2, T0, MIN, 'neighbourhood');
    feedCases(h, 2, T0, MIN, 'labour-wages');
    expect(h.decisions).toEqual([]);
  });

  it('slides: events older than 24 h no longer count', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, 2, T0);
    feedCases(h, 2, T0 + 25 * HOUR);
    expect(h.decisions).toEqual([]);
  });

  it('raises blue, updates to orange, then clears only after the hysteresis period', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, 5, T0);
    expect(Harness.summary(h.decisions)).toEqual([
      'raised disputes-township-24h blue',
      'updated disputes-township-24h orange',
    ]);
    h.tick(T0 + 24 * HOUR + 30 * MIN); // the window emptied: clearing starts
    expect(colourNow(h)).toBe('orange');
    h.tick(T0 + 25 * HOUR + 40 * MIN); // an hour later: resolved
    expect(Harness.summary(h.decisions).at(-1)).toBe('resolved disputes-township-24h orange');
  });

  it('keeps bounded memory: one cell per township × category, whatever the event count', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, 500, T0, 10_000);
    expect(h.state.windows.size).toBe(1);
    const [cell] = h.state.windows.values();
    expect(cell?.evidence.length).toBeLessThanOrEqual(50);
  });
});

describe('a rule-set swap keeps the window state', () => {
  it('a new version of the rule judges the counts gathered under the old one', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    feedCases(h, 3, T0);
    const v2 = onlyRules('disputes-township-24h');
    v2.rules = v2.rules.map((r) =>
      r.kind === 'window-threshold' ? { ...r, version: 2, levels: [{ colour: 'orange', atLeast: 4 }] } : r,
    );
    const next = createEngineContext({ ruleSet: { ...v2, version: 2 }, directory: h.ctx.directory });
    const { decisions } = step(
      next,
      h.state,
      { kind: 'case', event: reported(T0 + 10 * MIN) },
      T0 + 10 * MIN,
    );
    expect(decisions).toMatchObject([
      { type: 'updated', alert: { colour: 'orange', ruleVersion: 2, explanation: { values: { count: 4 } } } },
    ]);
  });
});
