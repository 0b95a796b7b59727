/**
 * @fengqiao/reports-app — report generation with I/O: the loader (SQL over case_events, rollups,
 * alerts, cameras), the PDF renderer (headless Chromium) and the generator. The reports and
 * report_requests tables are libs/db's; targets and report errors libs/reports'. Only test harnesses
 * of other apps import this (they run the real worker), never their production code.
 */
export { ReportLoader, OPEN_CASE_LOOKBACK_DAYS, scanWindowOf } from './data/report-loader';
export { PdfRenderer, CHROMIUM_PATH, type PdfResult } from './pdf/pdf-renderer';
export { ReportGenerator, type GenerationResult, type GeneratorDeps } from './generator/report-generator';
export {
  ReportRequestWorker,
  DEFAULT_REQUEST_WORKER_OPTIONS,
  type RequestWorkerOptions,
} from './requests/request-worker';
// Fixtures for integration specs (this app's and the API's): a private township and its case events.
export { aPrivateTownship, insertCaseEvent, registerPlace, type Place } from './testing/report-fixtures';
