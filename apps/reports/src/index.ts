/**
 * @fengqiao/reports-app — report generation with I/O: the loader (SQL over case_events, rollups,
 * alerts, cameras), the PDF renderer (headless Chromium), the reports table and the generator the
 * scheduler and the API share.
 */
export { ReportLoader, OPEN_CASE_LOOKBACK_DAYS, scanWindowOf, type ReportTarget } from './data/report-loader';
export { PdfRenderer, CHROMIUM_PATH, type PdfResult } from './pdf/pdf-renderer';
export {
  ReportsRepository,
  type ReportListFilter,
  type ReportTimings,
  type StoredReport,
} from './store/reports.repository';
export {
  ReportGenerator,
  targetOf,
  type GenerationResult,
  type GeneratorDeps,
} from './generator/report-generator';
export { ReportError, type ReportErrorCode } from './generator/report-error';
export { ReportRequestsRepository, type ClaimedRequest } from './requests/report-requests.repository';
export {
  ReportRequestWorker,
  DEFAULT_REQUEST_WORKER_OPTIONS,
  type RequestWorkerOptions,
} from './requests/request-worker';
// Fixtures for integration specs (this app's and the API's): a private township and its case events.
export { aPrivateTownship, insertCaseEvent, registerPlace, type Place } from './testing/report-fixtures';
