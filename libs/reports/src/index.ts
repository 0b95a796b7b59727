/**
 * @fengqiao/reports — cadence reports as pure functions: facts in, a model out, the model to one
 * self-contained HTML document (charts drawn by ECharts' server-side SVG renderer). No I/O, no
 * clock: the loader and the time of generation are the caller's. Periods and the city clock are
 * @fengqiao/domain's.
 */
export { type AlertFact, type CameraCount, type CaseFact, type ReportInput } from './model/report-input';
export {
  type AlertRow,
  type CameraHealth,
  type CategoryRow,
  type Change,
  type CycleTime,
  type HotspotRow,
  type OverdueRow,
  type ReportModel,
  type TierRow,
  type TrendPoint,
} from './model/report-model';
export { buildReportModel, lastYearRange, periodTitle } from './model/build-report-model';
export { promiseJudgeOf, type PromiseJudge } from './model/tier-promises';
export { renderReportHtml } from './render/html-report';
export { CATEGORY_LABELS, LEVEL_LABELS, PERIOD_LABELS, TIER_LABELS } from './labels';
export { ReportError, targetOf, type ReportErrorCode, type ReportTarget } from './report-target';
export { type AssessedCase, type AssessedTownship, type ScorecardInput } from './assessment/assessed-case';
export { AssessmentError, type AssessmentErrorCode } from './assessment/assessment-error';
export { assessmentJudgesOf, buildScorecard } from './assessment/build-scorecard';
export { assessedCaseOf, type KpiFactRow } from './assessment/kpi-fact-row';
export {
  currentQuarter,
  lastCompletedQuarter,
  quarterOfDate,
  quarterOfLabel,
  type Quarter,
} from './assessment/quarter';
export { renderScorecardHtml, siteTypeSection } from './assessment/render-scorecard';
export { OVERDUE_ZERO_AT, SCORECARD_WEIGHTS } from './assessment/scorecard-weights';
export { siteTypeRows, type SiteTypeCount } from './assessment/site-types';
