import { Inject, Injectable } from '@nestjs/common';
import {
  type ReportListQuery,
  type ReportListResponse,
  type ReportMetadata,
  type ReportRequest,
} from '@fengqiao/contracts';
import { ReportError, type ReportErrorCode, ReportGenerator, ReportsRepository } from '@fengqiao/reports-app';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { listRegions, reportInScope } from './report-scope';

/** Injection token of the shared report generator (one Chromium for the process). */
export const REPORT_GENERATOR = Symbol('ReportGenerator');

const encodeCursor = (m: ReportMetadata): string =>
  Buffer.from(`${m.period.start}|${m.id}`).toString('base64url');

function decodeCursor(cursor: string): { periodStart: string; id: string } {
  const [periodStart, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const uuid = /^[0-9a-f-]{36}$/i;
  if (
    periodStart === undefined ||
    !/^\d{4}-\d{2}-\d{2}$/.test(periodStart) ||
    id === undefined ||
    !uuid.test(id)
  ) {
    throw new ApiError('VALIDATION_FAILED', 'invalid cursor', [
      { path: 'cursor', message: 'not a cursor of this list' },
    ]);
  }
  return { periodStart, id };
}

/** The HTTP code of each report failure; exhaustive, so a new code cannot go unmapped. */
function apiErrorOf(err: ReportError): ApiError {
  const code: ReportErrorCode = err.code;
  switch (code) {
    case 'REGION_UNKNOWN':
    case 'REPORT_NOT_FOUND':
      return new ApiError('NOT_FOUND', err.message);
    case 'PERIOD_NOT_STARTED':
      return new ApiError('VALIDATION_FAILED', err.message, [
        { path: 'date', message: 'period has not begun' },
      ]);
  }
}

@Injectable()
export class ReportsService {
  private readonly reports = new ReportsRepository();

  constructor(
    private readonly db: Database,
    @Inject(REPORT_GENERATOR) private readonly generator: ReportGenerator,
  ) {}

  async list(user: AuthUser, q: ReportListQuery): Promise<ReportListResponse> {
    const items = await this.reports.list(this.db.pool, {
      level: q.level,
      periodKind: q.periodKind,
      from: q.from,
      to: q.to,
      regions: listRegions(user, q),
      limit: q.limit + 1,
      after: q.cursor === undefined ? undefined : decodeCursor(q.cursor),
    });
    const page = items.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor: items.length > q.limit && last !== undefined ? encodeCursor(last) : null,
    };
  }

  async get(user: AuthUser, id: string): Promise<ReportMetadata> {
    const m = await this.reports.metadata(this.db.pool, id);
    if (m === null) throw new ApiError('NOT_FOUND', 'no such report');
    if (!reportInScope(user, m.region)) throw new ApiError('OUT_OF_SCOPE', 'report outside your regions');
    return m;
  }

  async html(user: AuthUser, id: string): Promise<string> {
    const body = await this.content(user, id, 'html');
    return typeof body === 'string' ? body : body.toString('utf8');
  }

  async pdf(user: AuthUser, id: string): Promise<Buffer> {
    const body = await this.content(user, id, 'pdf');
    return typeof body === 'string' ? Buffer.from(body) : body;
  }

  async request(user: AuthUser, r: ReportRequest): Promise<ReportMetadata> {
    if (!reportInScope(user, r.region)) throw new ApiError('OUT_OF_SCOPE', 'region outside your regions');
    try {
      return await this.generator.onDemand(r);
    } catch (err) {
      throw err instanceof ReportError ? apiErrorOf(err) : err;
    }
  }

  private async content(user: AuthUser, id: string, kind: 'html' | 'pdf'): Promise<string | Buffer> {
    const row = await this.reports.content(this.db.pool, id, kind);
    if (row === null) throw new ApiError('NOT_FOUND', 'no such report');
    if (!reportInScope(user, row.region)) throw new ApiError('OUT_OF_SCOPE', 'report outside your regions');
    if (row.body === null) throw new ApiError('NOT_FOUND', 'this report was stored without a PDF');
    return row.body;
  }
}
