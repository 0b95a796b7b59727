import { hotspotSchema } from '@fengqiao/contracts';
import { Harness } from '../__fixtures__/engine';
import { analytics, COUNTY, MIN, reported, status, T0, TOWNSHIP } from '../__fixtures__/events';
import { type BaselineSeries } from '../baseline/baseline';
import { topHotspots } from '../engine/queries';

const OTHER = '511902002';
const flat = (region: string, metric: string, mean: number, std: number): BaselineSeries => ({
  region,
  metric,
  means: Array<number>(168).fill(mean),
  stds: Array<number>(168).fill(std),
});

function harness(): Harness {
  return new Harness({ baseline: [flat(TOWNSHIP, 'cases', 2, 1), flat(OTHER, 'cases', 10, 3)] });
}

describe('hotspot scores against the baseline', () => {
  it('ranks "unusual here and now" above "busy as usual"', () => {
    const h = harness();
    for (let i = 0; i < 6; i++) h.feed({ kind: 'case', event: reported(T0 + i * MIN) }, T0 + i * MIN);
    for (let i = 0; i < 12; i++)
      h.feed({ kind: 'case', event: reported(T0 + i * MIN, { township: OTHER }) }, T0 + i * MIN);
    const top = topHotspots(h.ctx, h.state, T0 + 20 * MIN, { level: 'township', topN: 5 });
    // 6 vs 2 ± 1 → z 4; 12 vs 10 ± 3 → z 0.67.
    expect(top.map((t) => [t.region, t.score])).toEqual([
      [TOWNSHIP, 4],
      [OTHER, 0.667],
    ]);
    for (const t of top) expect(hotspotSchema.parse(t)).toEqual(t);
  });

  it('weights risky cases and lists the contributing factors, largest first', () => {
    const h = harness();
    for (let i = 0; i < 3; i++) {
      h.feed(
        { kind: 'case', event: reported(T0 + i * MIN, { flags: { violenceRisk: true } }) },
        T0 + i * MIN,
      );
    }
    h.feed({ kind: 'camera-analytics', event: analytics(T0, 25, 'fight', 0.9) }, T0);
    for (let c = 20; c < 40; c++) h.feed({ kind: 'camera-status', event: status(T0, c, false) }, T0);
    const [top] = topHotspots(h.ctx, h.state, T0 + 10 * MIN, { level: 'township', topN: 1 });
    expect(top?.factors.map((f) => f.factor)).toEqual(['blindness', 'cases', 'analytics']);
    expect(top?.factors[0]).toMatchObject({ factor: 'blindness', value: 0.5, contribution: 5 });
    expect(top?.factors[1]).toMatchObject({ factor: 'cases', value: 6, expected: 2, z: 4, contribution: 4 });
    // No analytics baseline: 0.9 confidence-weighted detections vs 0 ± minStd 1, weight 0.5.
    expect(top?.factors[2]).toMatchObject({ factor: 'analytics', value: 0.9, contribution: 0.45 });
    expect(top?.score).toBe(9.45);
  });

  it('aggregates to the county and forgets the previous hour', () => {
    const h = harness();
    h.feed({ kind: 'case', event: reported(T0) }, T0);
    expect(topHotspots(h.ctx, h.state, T0, { level: 'county', topN: 3 }).map((t) => t.region)).toEqual([
      COUNTY,
    ]);
    expect(topHotspots(h.ctx, h.state, T0 + 61 * MIN, { level: 'county', topN: 3 })).toEqual([]);
  });
});
