import { cityMidnightMs, oneYearEarlier, previousPeriod } from '@fengqiao/domain';
import { LEVEL_LABELS, PERIOD_LABELS } from '../labels';
import { byCategory, byTier, change, cycleTime, type Range, within } from './case-figures';
import { alertRows, cameraHealth, hotspots } from './region-figures';
import { type ReportInput } from './report-input';
import { type ReportModel } from './report-model';
import { type PromiseJudge, promiseJudgeOf } from './tier-promises';
import { OVERDUE_LISTED, overdue, trend } from './trend-and-overdue';

const defaultJudge = promiseJudgeOf();

function rangeOf(p: { start: string; end: string }): Range {
  return { from: cityMidnightMs(p.start), to: cityMidnightMs(p.end) };
}

/** `2026年10月`, `2026-W44（10-26 至 11-01）`, `2026年11月26日`. */
export function periodTitle(p: ReportInput['period']): string {
  switch (p.kind) {
    case 'month':
      return `${p.label.slice(0, 4)}年${Number(p.label.slice(5, 7))}月`;
    case 'week':
      return `${p.label.slice(0, 4)}年第${Number(p.label.slice(6))}周`;
    case 'day':
      return `${p.start.slice(0, 4)}年${Number(p.start.slice(5, 7))}月${Number(p.start.slice(8, 10))}日`;
  }
}

/**
 * Computes a report from the facts the store returned, judging cases by the input's rule set.
 * Pure: the same input gives the same model, so a regenerated report differs only where the data
 * changed.
 */
export function buildReportModel(
  input: ReportInput,
  judge: PromiseJudge = input.ruleSet === undefined ? defaultJudge : promiseJudgeOf(input.ruleSet),
): ReportModel {
  const period = rangeOf(input.period);
  const previous = rangeOf(previousPeriod(input.period));
  const regionName = input.regionName ?? input.region;
  const nameOf = (r: string | null): string => (r === null ? regionName : (input.subRegionNames[r] ?? r));
  const casesIn = input.cases.filter((c) => within(c.reportedAt, period)).length;
  const casesClosed = input.cases.filter((c) => within(c.doneAt, period)).length;
  const tiers = byTier(input.cases, period, judge);
  const onTime = tiers.reduce((s, t) => s + t.onTime, 0);
  const judged = onTime + tiers.reduce((s, t) => s + t.late, 0);
  const overdueRows = overdue(input.cases, period.to, judge.dueAt, judge.keptAt, nameOf);
  const alerts = alertRows(input.alerts);
  const onTimeRate = judged === 0 ? null : onTime / judged;
  return {
    title: `${regionName}矛盾纠纷分析${PERIOD_LABELS[input.period.kind]}（${periodTitle(input.period)}）`,
    level: input.level,
    region: input.region,
    regionName,
    period: input.period,
    generatedAt: new Date(input.now).toISOString(),
    casesIn: change(casesIn, input.cases.filter((c) => within(c.reportedAt, previous)).length),
    casesClosed,
    yearOnYear: change(casesIn, input.lastYearCasesIn),
    onTimeRate,
    cycleTime: cycleTime(input.cases, period, previous),
    byCategory: byCategory(input.cases, period),
    byTier: tiers,
    trend: trend(input.cases, input.period, period),
    hotspots: hotspots(input.cases, { period, previous }, input.cameras, input.analyticsBySubRegion, nameOf),
    alerts,
    cameras: cameraHealth(input.cameras, nameOf),
    siteTypes: input.siteTypes ?? [],
    overdue: overdueRows.slice(0, OVERDUE_LISTED),
    overdueTotal: overdueRows.length,
    summary: {
      casesIn,
      casesClosed,
      onTimeRate,
      alerts: alerts.reduce((s, a) => s + a.raised, 0),
      overdue: overdueRows.length,
    },
  };
}

/** The region's level label, for headings. */
export const levelLabel = (m: ReportModel): string => LEVEL_LABELS[m.level];

/** The same dates one year earlier, as the loader queries them. */
export function lastYearRange(p: ReportInput['period']): { start: string; end: string } {
  return { start: oneYearEarlier(p.start), end: oneYearEarlier(p.end) };
}
