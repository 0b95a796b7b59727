import { type AlertQualityResponse, type BacktestResponse } from '@fengqiao/contracts';
import { compareByLevel, compareByRule } from './backtest-compare';

const run = (version: number, byColour: [number, number, number], byRule: Record<string, number>) => ({
  version,
  byColour: { blue: byColour[0], orange: byColour[1], red: byColour[2] },
  byRule,
  suppressed: 0,
  alerts: [],
});
const bt = (active: boolean): BacktestResponse => ({
  from: '2026-12-01T00:00:00.000Z',
  to: '2026-12-07T00:00:00.000Z',
  events: 100,
  truncated: false,
  candidate: run(3, [4, 1, 0], { 'crowd-surge': 1, 'camera-offline': 4 }),
  active: active ? run(2, [6, 1, 1], { 'crowd-surge': 2, 'camera-offline': 6 }) : null,
  diff: null,
});
const figures = {
  acknowledged: 0,
  mttaMs: null,
  resolved: 0,
  mttrMs: null,
  judged: 0,
  falseAlarms: 0,
  falseAlarmRate: null,
};
const actual: AlertQualityResponse = {
  from: '2026-12-01T00:00:00.000Z',
  to: '2026-12-07T00:00:00.000Z',
  regionLevel: 'county',
  truncated: false,
  overall: { alerts: 9, ...figures },
  byLevel: [
    { key: 'red', alerts: 1, ...figures },
    { key: 'blue', alerts: 8, ...figures },
  ],
  byRegion: [],
  byRule: [
    { key: 'camera-offline', alerts: 8, ...figures },
    { key: 'retired-rule', alerts: 1, ...figures },
  ],
};

describe('the backtest side by side with what fired', () => {
  it('lines up each level, red first, and totals them', () => {
    expect(compareByLevel(bt(true), actual)).toEqual([
      { key: 'red', wouldFire: 0, activeReplay: 1, didFire: 1 },
      { key: 'orange', wouldFire: 1, activeReplay: 1, didFire: 0 },
      { key: 'blue', wouldFire: 4, activeReplay: 6, didFire: 8 },
      { key: 'total', wouldFire: 5, activeReplay: 8, didFire: 9 },
    ]);
  });

  it('takes the rules of every side, the biggest difference first; no active replay is null', () => {
    expect(compareByRule(bt(false), actual)).toEqual([
      { key: 'camera-offline', wouldFire: 4, activeReplay: null, didFire: 8 },
      { key: 'crowd-surge', wouldFire: 1, activeReplay: null, didFire: 0 },
      { key: 'retired-rule', wouldFire: 0, activeReplay: null, didFire: 1 },
    ]);
  });
});
