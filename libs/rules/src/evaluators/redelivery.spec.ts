import fc from 'fast-check';
import { type CaseEvent } from '@fengqiao/contracts';
import { Harness, onlyRules } from '../__fixtures__/engine';
import { analytics, HOUR, MIN, reported, T0, TOWNSHIP } from '../__fixtures__/events';
import { type BaselineSeries } from '../baseline/baseline';
import { type EngineInput } from '../engine/state';

// Kafka delivers at least once: a rebalance or a producer retry hands the engine an event it has
// already counted. The window and anomaly rules count by event id, so a redelivery changes nothing.

/** 1 ± 0.5 cases an hour everywhere (minStd 1 applies): three cases in an hour are unusual. */
const baseline: BaselineSeries[] = [
  {
    region: TOWNSHIP,
    metric: 'cases',
    means: Array.from({ length: 168 }, () => 1),
    stds: Array.from({ length: 168 }, () => 0.5),
  },
];

const WINDOW_RULES = ['disputes-township-24h', 'detections-township-1h', 'cases-unusual-township'];

const caseInput = (event: CaseEvent): EngineInput => ({ kind: 'case', event });

describe('a redelivered event is counted once', () => {
  it.each([
    ['window: 2 disputes, each delivered twice', 'disputes-township-24h', 2, 2],
    ['window: 2 disputes, the second delivered 3 times', 'disputes-township-24h', 2, 3],
    ['anomaly: 2 cases this hour, each delivered twice', 'cases-unusual-township', 2, 2],
    ['anomaly: 2 cases this hour, the second delivered 4 times', 'cases-unusual-township', 2, 4],
  ])('%s → no alert', (_title, rule, distinct, deliveries) => {
    const h = new Harness({ ruleSet: onlyRules(rule), baseline });
    const events = Array.from({ length: distinct }, (_, i) => reported(T0 + HOUR + i * MIN));
    for (const [i, e] of events.entries()) {
      const times = i === distinct - 1 || deliveries === 2 ? deliveries : 1;
      for (let d = 0; d < times; d++) h.feed(caseInput(e), T0 + HOUR + i * MIN + d);
    }
    expect(h.decisions).toEqual([]);
  });

  it.each([
    ['a window', 'disputes-township-24h', 3],
    ['an anomaly', 'cases-unusual-township', 3],
  ])('%s still counts distinct events: 3 distinct cases, each twice → count 3', (_t, rule, n) => {
    const h = new Harness({ ruleSet: onlyRules(rule), baseline });
    for (let i = 0; i < n; i++) {
      const e = reported(T0 + HOUR + i * MIN);
      h.feed(caseInput(e), T0 + HOUR + i * MIN);
      h.feed(caseInput(e), T0 + HOUR + i * MIN);
    }
    expect(Harness.summary(h.decisions)).toEqual([`raised ${rule} blue`]);
    const last = h.decisions.at(-1);
    expect(last?.type === 'raised' ? last.alert.explanation.values.count : undefined).toBe(n);
  });

  it('a detection redelivered inside the 1 h window counts once', () => {
    const h = new Harness({ ruleSet: onlyRules('detections-township-1h') });
    const events = Array.from({ length: 19 }, (_, i) => analytics(T0 + i * MIN, i % 40, 'crowd', 0.9));
    for (const e of events) h.feed({ kind: 'camera-analytics', event: e }, T0);
    for (const e of events) h.feed({ kind: 'camera-analytics', event: e }, T0 + 30 * MIN);
    expect(h.decisions).toEqual([]);
  });

  it('keeps only the ids of the window: a slid-out bucket forgets its ids', () => {
    const h = new Harness({ ruleSet: onlyRules('disputes-township-24h') });
    for (let i = 0; i < 40; i++) h.feed(caseInput(reported(T0 + i * HOUR)), T0 + i * HOUR);
    const [cell] = h.state.windows.values();
    const held = cell?.ids.reduce((n, ids) => n + ids.size, 0);
    expect(held).toBe(24);
  });
});

/** A stream of distinct events: cases in one township and detections, minutes apart. */
const distinctEvent: fc.Arbitrary<(at: number) => EngineInput> = fc.oneof(
  fc
    .constantFrom('neighbourhood', 'labour-wages' as const)
    .map((category) => (at: number) => caseInput(reported(at, { category }))),
  fc.integer({ min: 0, max: 39 }).map((cam) => (at: number) => ({
    kind: 'camera-analytics' as const,
    event: analytics(at, cam, 'crowd', 0.9),
  })),
);

describe('property: redeliveries never change the decisions', () => {
  it('any sequence with redeliveries decides exactly as the same sequence without them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(distinctEvent, fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 80 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        (items, redeliveries) => {
          let now = T0;
          const timeline = items.map(([gen, gapMin]) => {
            now += gapMin * MIN;
            return { input: gen(now), now };
          });
          // Each redelivery repeats an earlier event right after a later position, at that time.
          const extra = new Map<number, EngineInput[]>();
          for (const [at, which] of redeliveries) {
            const pos = at % timeline.length;
            const original = timeline[which % (pos + 1)];
            if (original !== undefined) extra.set(pos, [...(extra.get(pos) ?? []), original.input]);
          }
          const run = (withRedeliveries: boolean): string => {
            const h = new Harness({ ruleSet: onlyRules(...WINDOW_RULES), baseline });
            for (const [i, { input, now: t }] of timeline.entries()) {
              h.feed(input, t);
              if (withRedeliveries) for (const again of extra.get(i) ?? []) h.feed(again, t);
            }
            h.tick(now + 2 * HOUR);
            return JSON.stringify(h.decisions);
          };
          expect(run(true)).toBe(run(false));
        },
      ),
      { numRuns: 80 },
    );
  });
});
