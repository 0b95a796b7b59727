import { SITE_TYPES } from '@fengqiao/contracts';
import { bj } from '../__fixtures__/report-input';
import { type AssessedCase, type ScorecardInput } from './assessed-case';
import { type AssessmentError } from './assessment-error';
import { buildScorecard } from './build-scorecard';
import { currentQuarter, lastCompletedQuarter, quarterOfDate, quarterOfLabel } from './quarter';
import { renderScorecardHtml } from './render-scorecard';
import { componentsOf, ranksOf, scoreOf } from './score';
import { SCORECARD_WEIGHTS } from './scorecard-weights';
import { siteTypeRows } from './site-types';

let seq = 0;
/** A case of `township`; times Beijing local, `null` = never happened. */
function aCase(
  township: string,
  over: {
    reported: string;
    triaged?: string;
    tier?: AssessedCase['tier'];
    done?: string;
    satisfaction?: number;
    joint?: boolean;
  },
): AssessedCase {
  seq++;
  const done = over.done === undefined ? null : bj(over.done);
  return {
    caseId: `C${township.slice(0, 6)}-20261101-${String(seq).padStart(5, '0')}`,
    category: 'other',
    tier: over.tier ?? null,
    subRegion: township,
    township,
    reportedAt: bj(over.reported),
    triagedAt: over.triaged === undefined ? null : bj(over.triaged),
    assignedAt: null,
    doneAt: done,
    closedAt: done,
    riskFlagged: false,
    party: null,
    satisfaction: over.satisfaction ?? null,
    jointMediation: over.joint ?? false,
  };
}

const townships = [
  { code: '511902001', name: '甲镇', county: '511902', countyName: '巴州区' },
  { code: '511902002', name: '乙镇', county: '511902', countyName: '巴州区' },
  { code: '511903001', name: '丙镇', county: '511903', countyName: '恩阳区' },
];

function input(over: Partial<ScorecardInput> = {}): ScorecardInput {
  return {
    quarter: quarterOfLabel('2026-Q4'),
    now: bj('2026-12-01T12:00'),
    townships,
    cases: [
      // 甲镇: routed the same day, simple closed that day (5), general in 2 days (4, joint team).
      aCase('511902001', {
        reported: '2026-11-02T09:00',
        triaged: '2026-11-02T10:00',
        tier: 'simple',
        done: '2026-11-02T17:00',
        satisfaction: 5,
      }),
      aCase('511902001', {
        reported: '2026-11-03T09:00',
        triaged: '2026-11-03T11:00',
        tier: 'general',
        done: '2026-11-05T10:00',
        satisfaction: 4,
        joint: true,
      }),
      // 乙镇: routed after 3 days (due end of Tuesday), simple finished a day late (2);
      // a simple case routed on time and never finished (overdue since the end of 11-09).
      aCase('511902002', {
        reported: '2026-11-02T09:00',
        triaged: '2026-11-05T09:00',
        tier: 'simple',
        done: '2026-11-06T09:00',
        satisfaction: 2,
      }),
      aCase('511902002', { reported: '2026-11-09T09:00', triaged: '2026-11-09T10:00', tier: 'simple' }),
    ],
    ...over,
  };
}

describe('buildScorecard (季考评)', () => {
  it('scores known facts to known figures and ranks them in county and city', () => {
    const s = buildScorecard(input());
    expect(s.townships.map((t) => [t.name, t.score, t.rankInCounty, t.rankInCity])).toEqual([
      ['甲镇', 100, 1, 1],
      // 35×0 (0/2 on time) + 20×0.5 (1/2 routed) + 15×0.9 (1 overdue) + 20×0 (0/1 satisfied) + 10×0 (joint 0 of best 0.5)
      ['乙镇', 23.5, 2, 2],
      ['丙镇', null, null, null],
    ]);
    const b = s.townships[1]!;
    expect(b).toMatchObject({
      casesIn: 2,
      onTimeRate: 0,
      routedOnTime: 1,
      routingJudged: 2,
      routingRate: 0.5,
      overdue: 1,
      satisfactionResponses: 1,
      satisfiedShare: 0,
      finished: 1,
      jointMediationShare: 0,
    });
    expect(b.onTimeByTier.find((t) => t.tier === 'simple')).toEqual({
      tier: 'simple',
      onTime: 0,
      judged: 2,
      rate: 0,
    });
    expect(s.townships[0]!.jointMediationShare).toBe(0.5);
    expect(s.complete).toBe(false);
    expect(s.asOf).toBe('2026-12-01T04:00:00.000Z');
  });

  it('a promise still running at `now` is not counted as broken', () => {
    const running = aCase('511903001', {
      reported: '2026-12-01T09:00',
      triaged: '2026-12-01T10:00',
      tier: 'general',
    });
    const s = buildScorecard(input({ cases: [running] }));
    const c = s.townships.find((t) => t.name === '丙镇')!;
    // Routing was kept (triaged within the hour); the general tier's 5 working days are still running.
    expect(c).toMatchObject({ casesIn: 1, onTimeRate: null, routedOnTime: 1, routingJudged: 1, overdue: 0 });
    expect(c.score).toBe(100);
  });

  it('refuses a quarter that has not begun with its code', () => {
    expect(() => buildScorecard(input({ quarter: quarterOfLabel('2027-Q1') }))).toThrow(
      expect.objectContaining({ code: 'QUARTER_NOT_STARTED' }) as AssessmentError,
    );
  });

  it('weights add up to 100', () => {
    expect(Object.values(SCORECARD_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('renders the ranking and the site types as HTML, names escaped', () => {
    const s = buildScorecard(input({ townships: [{ ...townships[0]!, name: '<甲>' }] }));
    const html = renderScorecardHtml(
      s,
      siteTypeRows([{ siteType: 'school', total: 4, online: 3, townships: 1 }], 1),
    );
    expect(html).toContain('&lt;甲&gt;');
    expect(html).toContain('2026年第4季度');
    expect(html).toContain('<td>学校</td><td>4</td><td>3</td><td>75.0%</td><td>1（100.0%）</td>');
  });
});

describe('score parts', () => {
  it.each([
    [
      [90, 80, null, 70],
      [1, 2, null, 3],
    ],
    [
      [50, 50, 40],
      [1, 1, 3],
    ],
    [[null], [null]],
  ])('ranks %j as %j', (scores, ranks) => {
    expect(ranksOf(scores)).toEqual(ranks);
  });

  it('leaves unmeasured parts out and renormalises the rest', () => {
    expect(
      scoreOf(
        { onTime: 1, routing: null, overdue: 0.5, satisfaction: null, jointMediation: null },
        SCORECARD_WEIGHTS,
      ),
    ).toBe(Math.round(((35 + 7.5) / 50) * 1000) / 10);
  });

  it('does not mark anyone down for joint mediation when no center used it', () => {
    const m = {
      casesIn: 1,
      onTimeByTier: [],
      onTimeRate: 1,
      routedOnTime: 1,
      routingJudged: 1,
      routingRate: 1,
      overdue: 12,
      satisfactionResponses: 0,
      satisfiedShare: null,
      finished: 1,
      jointMediationShare: 0,
    };
    expect(componentsOf(m, 0)).toEqual({
      onTime: 1,
      routing: 1,
      overdue: 0,
      satisfaction: null,
      jointMediation: null,
    });
  });
});

describe('quarters and site types', () => {
  it('finds quarters in Beijing time', () => {
    expect(quarterOfDate('2026-12-31')).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    // 2026-03-31T16:30Z is already 1 April in Beijing.
    expect(currentQuarter(Date.parse('2026-03-31T16:30:00Z')).label).toBe('2026-Q2');
    expect(lastCompletedQuarter(bj('2026-01-05T09:00')).label).toBe('2025-Q4');
    expect(() => quarterOfLabel('2026-Q5')).toThrow(
      expect.objectContaining({ code: 'QUARTER_INVALID' }) as Error,
    );
  });

  it('lists every site type of the contract, zero rows too', () => {
    const rows = siteTypeRows([{ siteType: 'road', total: 10, online: 9, townships: 3 }], 4);
    expect(rows.map((r) => r.siteType)).toEqual([...SITE_TYPES]);
    expect(rows.find((r) => r.siteType === 'road')).toEqual({
      siteType: 'road',
      total: 10,
      online: 9,
      onlineRate: 0.9,
      townshipsCovered: 3,
      coverage: 0.75,
    });
    expect(rows.find((r) => r.siteType === 'school')).toMatchObject({
      total: 0,
      onlineRate: null,
      coverage: 0,
    });
  });
});
