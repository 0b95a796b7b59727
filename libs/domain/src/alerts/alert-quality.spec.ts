import fc from 'fast-check';
import { type AlertQualityFact, alertQuality, medianMs, qualityFigures } from './alert-quality';

const T0 = Date.parse('2026-12-07T02:00:00.000Z');
const MIN = 60_000;

function fact(over: Partial<AlertQualityFact> & { ackMin?: number; fixMin?: number }): AlertQualityFact {
  const { ackMin, fixMin, ...rest } = over;
  return {
    ruleId: 'crowd-surge',
    colour: 'orange',
    region: '511902001',
    raisedAtMs: T0,
    ...(ackMin === undefined ? {} : { acknowledgedAtMs: T0 + ackMin * MIN }),
    ...(fixMin === undefined ? {} : { resolvedAtMs: T0 + fixMin * MIN }),
    ...rest,
  };
}

describe('medianMs', () => {
  it.each([
    ['no values', [], null],
    ['one value', [7], 7],
    ['an odd count, unsorted', [9, 1, 5], 5],
    ['an even count: the mean of the middle two', [4, 1, 10, 2], 3],
    ['an even count rounding to whole ms', [1, 2], 2],
  ])('%s', (_t, values, expected) => {
    expect(medianMs(values)).toBe(expected);
  });

  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1 }), (xs) => {
        const m = medianMs(xs) ?? -1;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });
});

describe('qualityFigures', () => {
  it('takes medians of raise → acknowledgement and raise → resolution, over the alerts that got there', () => {
    const f = qualityFigures([
      fact({ ackMin: 2, fixMin: 30 }),
      fact({ ackMin: 4, fixMin: 10 }),
      fact({ ackMin: 60 }),
      fact({}),
    ]);
    expect(f).toMatchObject({ alerts: 4, acknowledged: 3, mttaMs: 4 * MIN, resolved: 2, mttrMs: 20 * MIN });
  });

  it('counts false alarms over the judged resolutions only (an engine clear is no judgement)', () => {
    const f = qualityFigures([
      fact({ fixMin: 5, outcome: 'false-alarm' }),
      fact({ fixMin: 5, outcome: 'real-incident' }),
      fact({ fixMin: 5, outcome: 'duplicate' }),
      fact({ fixMin: 5, outcome: 'false-alarm' }),
      fact({ fixMin: 5 }),
    ]);
    expect(f).toMatchObject({ resolved: 5, judged: 4, falseAlarms: 2, falseAlarmRate: 0.5 });
  });

  it('says null, not 0, when nothing was acknowledged, resolved or judged', () => {
    expect(qualityFigures([fact({})])).toEqual({
      alerts: 1,
      acknowledged: 0,
      mttaMs: null,
      resolved: 0,
      mttrMs: null,
      judged: 0,
      falseAlarms: 0,
      falseAlarmRate: null,
    });
  });

  it('ignores a time before the raise (clock skew) instead of a negative duration', () => {
    expect(qualityFigures([fact({ ackMin: -3, fixMin: 8 })])).toMatchObject({
      acknowledged: 0,
      mttaMs: null,
      mttrMs: 8 * MIN,
    });
  });
});

describe('alertQuality', () => {
  const facts = [
    fact({ ruleId: 'a', colour: 'blue', region: '511902001', ackMin: 10 }),
    fact({ ruleId: 'b', colour: 'red', region: '511902002', ackMin: 1, fixMin: 9, outcome: 'false-alarm' }),
    fact({
      ruleId: 'b',
      colour: 'orange',
      region: '511902002',
      ackMin: 3,
      fixMin: 7,
      outcome: 'real-incident',
    }),
  ];

  it('orders levels by severity and regions and rules by volume', () => {
    const q = alertQuality(facts);
    expect(q.byLevel.map((r) => r.key)).toEqual(['red', 'orange', 'blue']);
    expect(q.byRegion.map((r) => [r.key, r.alerts])).toEqual([
      ['511902002', 2],
      ['511902001', 1],
    ]);
    expect(q.byRule.map((r) => [r.key, r.falseAlarmRate])).toEqual([
      ['b', 0.5],
      ['a', null],
    ]);
  });

  it('splits the whole: the groups of each dimension add up to the overall count', () => {
    const arb = fc.array(
      fc.record({
        ruleId: fc.constantFrom('a', 'b', 'c'),
        colour: fc.constantFrom('blue' as const, 'orange' as const, 'red' as const),
        region: fc.constantFrom('511902001', '511923001'),
        raisedAtMs: fc.constant(T0),
      }),
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const q = alertQuality(xs);
        for (const rows of [q.byLevel, q.byRegion, q.byRule])
          expect(rows.reduce((n, r) => n + r.alerts, 0)).toBe(q.overall.alerts);
      }),
    );
  });
});
