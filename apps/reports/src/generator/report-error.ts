/** Why a report could not be made; each transport maps the code (the API: 404 / 422). */
export type ReportErrorCode = 'REGION_UNKNOWN' | 'PERIOD_NOT_STARTED' | 'REPORT_NOT_FOUND';

export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}
