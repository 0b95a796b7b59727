import { type KpiSnapshot } from '@fengqiao/contracts';
import {
  cycleTime,
  jointCycleHint,
  mergeKpis,
  overallOnTime,
  percent,
  signedPercent,
  tileAge,
} from './kpi-view';

const T0 = '2026-11-27T05:00:00.000Z';
const T1 = '2026-11-27T05:00:10.000Z';

function snapshot(asOf: string, cases: number, region: string | null = null): KpiSnapshot {
  return {
    scope: { region },
    windowDays: 30,
    casesToday: { value: cases, asOf },
    routedWithinOneWorkingDay: { routed: 9, total: 10, rate: 0.9, asOf },
    onTimeByTier: {
      rows: (['consultation', 'simple', 'general', 'complex', 'major'] as const).map((tier) => ({
        tier,
        onTime: 1,
        due: 2,
        rate: 0.5,
      })),
      asOf,
    },
    resolutionRate: { resolved: 1, total: 2, rate: 0.5, asOf },
    averageCycleHours: {
      value: 30,
      cases: 1,
      jointMediation: { days: null, cases: 0, previousDays: null, changePercent: null },
      asOf,
    },
    disputesYearOnYear: { current: 82, previous: 100, changePercent: -18, asOf },
    satisfaction: { average: 4.5, satisfiedShare: 0.9, responses: 10, asOf },
    camerasOnline: { online: 9, total: 10, share: 0.9, asOf },
    openAlerts: { blue: 1, orange: 2, red: 3, asOf },
  };
}

describe('KPI tiles', () => {
  it('keeps the newer figure of each tile when an older snapshot arrives late', () => {
    const live = { ...snapshot(T0, 5), casesToday: { value: 7, asOf: T1 } };
    const merged = mergeKpis(live, snapshot(T0, 5));
    expect(merged.casesToday).toEqual({ value: 7, asOf: T1 });
    expect(mergeKpis(live, snapshot(T1, 8)).casesToday.value).toBe(8);
  });

  it('replaces everything when the scope differs', () => {
    const other = snapshot(T0, 1, '511902');
    expect(mergeKpis({ ...snapshot(T1, 9) }, other)).toBe(other);
  });

  it.each([
    ['casesToday', 60_000, false],
    ['casesToday', 121_000, true],
    ['disputesYearOnYear', 1_800_000, false],
  ] as const)('%s is stale after %i ms: %s', (tile, age, stale) => {
    expect(tileAge(snapshot(T0, 1), tile, Date.parse(T0) + age)).toEqual({ ageMs: age, stale });
  });

  it.each([
    [percent(0.9567), '95.7%'],
    [percent(null), '—'],
    [signedPercent(-17.8), '-17.8%'],
    [signedPercent(3), '+3.0%'],
    [cycleTime(36.54, 'zh'), '36.5小时'],
    [cycleTime(96, 'en'), '4.0 d'],
    [cycleTime(null, 'zh'), '—'],
  ])('formats %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('rates all tiers by cases, not by the mean of the rates', () => {
    expect(
      overallOnTime([
        { onTime: 9, due: 10 },
        { onTime: 0, due: 0 },
        { onTime: 1, due: 10 },
      ]),
    ).toBe(0.5);
    expect(overallOnTime([{ onTime: 0, due: 0 }])).toBeNull();
  });
});

describe('jointCycleHint', () => {
  it('names the joint-mediation cycle and its change on a year earlier, or nothing without cases', () => {
    expect(jointCycleHint({ days: 10, changePercent: -66.7 }, '联调', 'zh')).toBe('联调 10.0天 -66.7%');
    expect(jointCycleHint({ days: 1.5, changePercent: null }, 'joint', 'en')).toBe('joint 36.0 h');
    expect(jointCycleHint({ days: null, changePercent: null }, '联调', 'zh')).toBeUndefined();
  });
});
