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
