import { loadConfig } from '@fengqiao/config';
import { type KpiSnapshot } from '@fengqiao/contracts';
import { type ActiveDeadlines } from './active-deadlines';
import { type FastTiles, type KpiTilesService, type SlowTiles } from './kpi-tiles.service';
import { slowTilesIncomplete, tileHasValue } from './kpi-values';
import { KpisService } from './kpis.service';

// The KPI cache's ages (pure: the tiles are computed by a stand-in that counts its calls).
const config = loadConfig({});
const { kpiFastMaxAgeMs, kpiSlowMaxAgeMs } = config.tuning.api;
const asOf = '2026-12-07T02:00:00.000Z';

function slow(rate: number | null): SlowTiles {
  return {
    routedWithinOneWorkingDay: { routed: 0, total: 0, rate, asOf },
    onTimeByTier: { rows: [], asOf },
    resolutionRate: { resolved: 0, total: 0, rate, asOf },
    averageCycleHours: {
      value: rate,
      cases: 0,
      jointMediation: { days: null, cases: 0, previousDays: null, changePercent: null },
      asOf,
    },
    disputesYearOnYear: { current: 0, previous: 0, changePercent: rate, asOf },
    satisfaction: { average: rate === null ? null : 4.5, satisfiedShare: rate, responses: 0, asOf },
  };
}
const withTierRate = (s: SlowTiles): SlowTiles =>
  ({
    ...s,
    onTimeByTier: { rows: [{ tier: 'simple', onTime: 1, due: 1, rate: 1 }], asOf },
  }) as unknown as SlowTiles;
const fast = { casesToday: { value: 1, asOf } } as unknown as FastTiles;

function serviceWith(slowAnswers: SlowTiles[]): {
  kpis: KpisService;
  slowCalls: () => number;
  at: (ms: number) => void;
} {
  let now = Date.parse(asOf);
  let calls = 0;
  const tiles = {
    fast: () => Promise.resolve(fast),
    slow: () => {
      const answer = slowAnswers[Math.min(calls, slowAnswers.length - 1)] as SlowTiles;
      calls += 1;
      return Promise.resolve(answer);
    },
  } as unknown as KpiTilesService;
  const active = { get: () => ({ version: null }) } as unknown as ActiveDeadlines;
  const kpis = new KpisService(tiles, active, { now: () => new Date(now) }, config);
  return { kpis, slowCalls: () => calls, at: (ms) => (now = Date.parse(asOf) + ms) };
}

describe('the KPI cache', () => {
  it('asks again for window tiles still without a figure after the fast max age, not the slow one', async () => {
    const { kpis, slowCalls, at } = serviceWith([slow(null), withTierRate(slow(0.9))]);
    await kpis.snapshot(null);
    expect(slowCalls()).toBe(1);
    at(kpiFastMaxAgeMs - 1);
    await kpis.snapshot(null);
    expect(slowCalls()).toBe(1);
    at(kpiFastMaxAgeMs + 1);
    const second = await kpis.snapshot(null);
    expect(slowCalls()).toBe(2);
    expect(second.resolutionRate.rate).toBe(0.9);
  });

  it('keeps complete window tiles for the slow max age', async () => {
    const { kpis, slowCalls, at } = serviceWith([withTierRate(slow(0.9))]);
    await kpis.snapshot(null);
    at(kpiFastMaxAgeMs + 1);
    await kpis.snapshot(null);
    expect(slowCalls()).toBe(1);
    at(kpiSlowMaxAgeMs + 1);
    await kpis.snapshot(null);
    expect(slowCalls()).toBe(2);
  });

  it('names which tiles have a figure', () => {
    const empty = slow(null) as Partial<KpiSnapshot>;
    expect(slowTilesIncomplete(empty)).toBe(true);
    expect(tileHasValue(empty, 'casesToday')).toBe(false);
    expect(tileHasValue({ ...fast }, 'casesToday')).toBe(true);
    // One tier with a rate is enough for the on-time tile; every other slow tile needs its figure.
    expect(slowTilesIncomplete(withTierRate(slow(0.9)))).toBe(false);
    expect(slowTilesIncomplete(slow(0.9))).toBe(true);
  });
});
