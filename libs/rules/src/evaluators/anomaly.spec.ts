import { Harness, onlyRules } from '../__fixtures__/engine';
import { HOUR, MIN, reported, T0, TOWNSHIP } from '../__fixtures__/events';
import { type BaselineSeries } from '../baseline/baseline';

/** Usually 1 ± 0.5 cases an hour here (minStd 1 applies), but 4 ± 2 at Monday 10:00 (hour 10). */
const baseline: BaselineSeries[] = [
  {
    region: TOWNSHIP,
    metric: 'cases',
    means: Array.from({ length: 168 }, (_, h) => (h === 10 ? 4 : 1)),
    stds: Array.from({ length: 168 }, (_, h) => (h === 10 ? 2 : 0.5)),
  },
];

const colourAfter = (n: number, at: number): string | undefined => {
  const h = new Harness({ ruleSet: onlyRules('cases-unusual-township'), baseline });
  for (let i = 0; i < n; i++) h.feed({ kind: 'case', event: reported(at + i * MIN) }, at + i * MIN);
  return [...h.state.book.byKey.values()][0]?.alert.colour;
};

describe('anomaly against the baseline of the hour of the week', () => {
  // Monday 11:00 (hour 11): mean 1, std floor 1 → z = n - 1; minCount 3.
  it.each([
    [2, undefined, 'below minCount'],
    [3, 'blue', 'z = 2'],
    [4, 'orange', 'z = 3'],
    [5, 'orange', 'z = 4'],
    [6, 'red', 'z = 5'],
  ])('%i cases at Monday 11:00 → %s (%s)', (n, colour, _why) => {
    expect(colourAfter(n, T0 + HOUR)).toBe(colour);
  });

  // Monday 10:00 (hour 10): mean 4, std 2 → z = (n - 4) / 2: busy is usual here.
  it.each([
    [6, undefined],
    [8, 'blue'],
    [10, 'orange'],
    [14, 'red'],
  ])('%i cases at Monday 10:00, a busy hour → %s', (n, colour) => {
    expect(colourAfter(n, T0)).toBe(colour);
  });

  it('stays silent where there is no baseline', () => {
    const h = new Harness({ ruleSet: onlyRules('cases-unusual-township') });
    for (let i = 0; i < 20; i++) h.feed({ kind: 'case', event: reported(T0 + i * MIN) }, T0 + i * MIN);
    expect(h.decisions).toEqual([]);
  });

  it('explains with the count, the mean, the std and z', () => {
    const h = new Harness({ ruleSet: onlyRules('cases-unusual-township'), baseline });
    for (let i = 0; i < 4; i++)
      h.feed({ kind: 'case', event: reported(T0 + HOUR + i * MIN) }, T0 + HOUR + i * MIN);
    const last = h.decisions.at(-1);
    if (last?.type !== 'updated') throw new Error('expected an update to orange');
    expect(last.alert.explanation.values).toMatchObject({ count: 4, mean: 1, std: 1, z: 3, hourOfWeek: 11 });
    expect(last.alert.explanation.thresholds).toMatchObject({ blue: 2, orange: 3, red: 5, minCount: 3 });
  });

  it('clears after the hour ends and the hysteresis passes', () => {
    const h = new Harness({ ruleSet: onlyRules('cases-unusual-township'), baseline });
    for (let i = 0; i < 3; i++)
      h.feed({ kind: 'case', event: reported(T0 + HOUR + i * MIN) }, T0 + HOUR + i * MIN);
    h.tick(T0 + 2 * HOUR + MIN);
    expect(h.decisions.at(-1)?.type).toBe('raised');
    h.tick(T0 + 2 * HOUR + 32 * MIN);
    expect(h.decisions.at(-1)?.type).toBe('resolved');
  });
});
