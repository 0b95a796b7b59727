import { type CaseEvent } from '@fengqiao/contracts';
import { buildDemoCity } from '@fengqiao/geo';
import { yearBefore } from '../history-plan';
import { TrafficGenerator } from './traffic-generator';

// The generator's side of the calibration, on plain lives (the int spec reads the same figures
// through the API's tiles): two days now against the same two days a year earlier.

const city = buildDemoCity({ seed: 9, cameras: 10, townships: 30 });
const gen = new TrafficGenerator(city, { seed: 9, compress: 1 });
const DAY = 24 * 3_600_000;
const NOW_FROM = Date.parse('2026-11-23T00:00:00+08:00');
const lives = (from: number): CaseEvent[] => gen.caseLives(from, from + 2 * DAY, 1, from + 120 * DAY);
const now = lives(NOW_FROM);
const yearAgo = lives(yearBefore(NOW_FROM));

const reported = (events: readonly CaseEvent[]): number => events.filter((e) => e.type === 'reported').length;

/** Mean days from report to first resolution of the jointly mediated cases. */
function jointDays(events: readonly CaseEvent[]): number {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  const days = [...byCase.values()]
    .filter((l) => l.some((e) => e.type === 'in-mediation' && e.joint))
    .map((l) => {
      const at = (t: CaseEvent['type']): number => Date.parse(l.find((e) => e.type === t)?.occurredAt ?? '');
      return (at('resolved') - at('reported')) / DAY;
    });
  return days.reduce((a, b) => a + b, 0) / days.length;
}

describe('the demo calibration (domain.md figures)', () => {
  it('takes in about 17.8 % fewer disputes than a year earlier', () => {
    const change = reported(now) / reported(yearAgo) - 1;
    expect(reported(now)).toBeGreaterThan(2_000);
    expect(change).toBeGreaterThan(-0.178 - 0.05);
    expect(change).toBeLessThan(-0.178 + 0.05);
  });

  it('resolves joint mediations about 65 % faster than a year earlier', () => {
    const change = jointDays(now) / jointDays(yearAgo) - 1;
    expect(change).toBeGreaterThan(-0.65 - 0.07);
    expect(change).toBeLessThan(-0.65 + 0.07);
  });

  it('closes cases with high satisfaction (mean ≥ 4.3)', () => {
    const scores = now.flatMap((e) =>
      e.type === 'closed' && e.satisfaction !== undefined ? [e.satisfaction] : [],
    );
    expect(scores.length).toBeGreaterThan(1_000);
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThanOrEqual(4.3);
  });
});
