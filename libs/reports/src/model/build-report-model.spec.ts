import { aCase, bj, countyMonth } from '../__fixtures__/report-input';
import { type AlertFact } from './report-input';
import { buildReportModel } from './build-report-model';

const MIN = 60_000;

/** Six cases around November 2026 in 巴州区 (November has no public holiday). */
function cases() {
  return [
    // simple, closed the same working day: on time
    aCase('2026-11-03T09:00', { tier: 'simple', doneAt: bj('2026-11-03T15:00') }),
    // simple, closed the next morning: late
    aCase('2026-11-03T09:00', { tier: 'simple', doneAt: bj('2026-11-04T10:00') }),
    // general, still open: due at the end of the 5th working day after triage (Mon 9 Nov)
    aCase('2026-11-02T09:00', { tier: 'general', party: { name: '罗明', phone: '13812345678' } }),
    // October: the previous period, five days to close
    aCase('2026-10-15T09:00', { tier: 'general', doneAt: bj('2026-10-20T09:00') }),
    // major: a leader took charge 3 hours after intake, still open: promise kept
    aCase('2026-11-10T09:00', { tier: 'major', assignedAt: bj('2026-11-10T12:00') }),
    // consultation answered within half an hour, in the other township
    aCase('2026-11-05T09:00', {
      tier: 'consultation',
      category: 'labour-wages',
      subRegion: '511902002',
      riskFlagged: true,
      doneAt: bj('2026-11-05T09:30'),
    }),
  ];
}

const redRaised = bj('2026-11-05T10:00');
const alerts: AlertFact[] = [
  {
    colour: 'red',
    raisedAt: redRaised,
    acknowledgedAt: redRaised + 6 * MIN,
    resolvedAt: redRaised + 60 * MIN,
  },
  { colour: 'red', raisedAt: redRaised, acknowledgedAt: redRaised + 4 * MIN, resolvedAt: null },
  { colour: 'blue', raisedAt: redRaised, acknowledgedAt: null, resolvedAt: null },
];

const model = buildReportModel(
  countyMonth({
    cases: cases(),
    lastYearCasesIn: 4,
    alerts,
    cameras: [
      { region: '511902001', total: 40, offline: 4 },
      { region: '511902002', total: 10, offline: 0 },
    ],
  }),
);

describe('buildReportModel (county month)', () => {
  it('counts cases in and closed, against the previous month and the same month a year ago', () => {
    expect(model.casesIn).toEqual({ current: 5, previous: 1, changePercent: 400 });
    expect(model.casesClosed).toBe(3);
    expect(model.yearOnYear).toEqual({ current: 5, previous: 4, changePercent: 25 });
    expect(model.title).toBe('巴州区矛盾纠纷分析月报（2026年11月）');
  });

  it('judges each tier against its promise on the working-day calendar', () => {
    const tier = Object.fromEntries(model.byTier.map((t) => [t.tier, t]));
    expect(tier['simple']).toMatchObject({ casesIn: 2, closed: 2, onTime: 1, late: 1, onTimeRate: 0.5 });
    expect(tier['general']).toMatchObject({ casesIn: 1, closed: 0, onTime: 0, late: 1 });
    expect(tier['major']).toMatchObject({ onTime: 1, late: 0, onTimeRate: 1 });
    expect(tier['consultation']).toMatchObject({ onTime: 1, onTimeRate: 1 });
    expect(tier['complex']).toMatchObject({ casesIn: 0, onTimeRate: null });
    expect(model.onTimeRate).toBeCloseTo(3 / 5);
  });

  it('averages the cycle time of the cases closed in the period and compares it with the last', () => {
    // (6 h + 25 h + 0.5 h) / 3 this month; 120 h in October
    expect(model.cycleTime).toEqual({ averageHours: 10.5, previousAverageHours: 120, changePercent: -91.2 });
  });

  it('lists the overdue open case with its party masked', () => {
    expect(model.overdueTotal).toBe(1);
    expect(model.overdue[0]).toMatchObject({
      regionName: '东城街道',
      tier: '一般纠纷',
      dueAt: '2026-11-10 00:00',
      overdueDays: 21,
      party: { name: '罗某', phone: '138****5678' },
    });
  });

  it('splits categories and draws a daily trend over the whole month', () => {
    expect(model.byCategory.map((c) => [c.label, c.casesIn, c.closed])).toEqual([
      ['邻里纠纷', 4, 2],
      ['劳资欠薪', 1, 1],
    ]);
    expect(model.trend).toHaveLength(30);
    expect(model.trend.find((p) => p.label === '11-03')).toEqual({ label: '11-03', casesIn: 2, closed: 1 });
  });

  it('ranks hotspots by cases and names their factors', () => {
    expect(model.hotspots.map((h) => [h.name, h.casesIn])).toEqual([
      ['东城街道', 4],
      ['西城街道', 1],
    ]);
    expect(model.hotspots[0]?.factors).toContain('离线摄像头 4/40');
    expect(model.hotspots[1]?.factors).toEqual(['案件 1 件', '主要类别：劳资欠薪', '风险标记 1 件']);
  });

  it('measures alerts by colour with MTTA and MTTR', () => {
    const red = model.alerts.find((a) => a.colour === 'red');
    expect(red).toMatchObject({ raised: 2, acknowledged: 2, resolved: 1, mttaMinutes: 5, mttrMinutes: 60 });
    expect(model.alerts.find((a) => a.colour === 'blue')).toMatchObject({ raised: 1, mttaMinutes: null });
    expect(model.summary).toEqual({ casesIn: 5, casesClosed: 3, onTimeRate: 0.6, alerts: 3, overdue: 1 });
  });

  it('sums the camera fleet and names the sub-region with the most offline', () => {
    expect(model.cameras).toMatchObject({ total: 50, online: 46, offline: 4, onlineRate: 0.92 });
    expect(model.cameras.worst).toEqual([{ region: '511902001', name: '东城街道', total: 40, offline: 4 }]);
  });

  it('a daily report has 24 hourly points and an empty one has no rates', () => {
    const empty = buildReportModel(
      countyMonth({
        level: 'grid',
        region: '511902001001001',
        period: { kind: 'day', start: '2026-11-26', end: '2026-11-27', label: '2026-11-26' },
      }),
    );
    expect(empty.trend).toHaveLength(24);
    expect(empty.onTimeRate).toBeNull();
    expect(empty.cycleTime.averageHours).toBeNull();
    expect(empty.casesIn.changePercent).toBeNull();
  });
});
