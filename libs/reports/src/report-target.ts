import { REPORT_CADENCE, type ReportLevel, type ReportPeriod, type ReportRequest } from '@fengqiao/contracts';
import { cityDateOf, periodContaining } from '@fengqiao/domain';

/** Why a report could not be made; each transport maps the code (the API: 404 / 422). */
export type ReportErrorCode = 'REGION_UNKNOWN' | 'PERIOD_NOT_STARTED' | 'REPORT_NOT_FOUND';

/** A report that cannot be made, with its code. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

/** One report to make: a level, a region and a period. */
export interface ReportTarget {
  readonly level: ReportLevel;
  readonly region: string;
  readonly period: ReportPeriod;
}

/** The report a request asks for; PERIOD_NOT_STARTED for a period that has not begun at `now`. */
export function targetOf(request: ReportRequest, now: number): ReportTarget {
  const period = periodContaining(request.periodKind ?? REPORT_CADENCE[request.level], request.date);
  if (period.start > cityDateOf(now)) {
    throw new ReportError('PERIOD_NOT_STARTED', `period ${period.label} has not begun`);
  }
  return { level: request.level, region: request.region, period };
}
