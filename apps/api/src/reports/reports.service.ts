import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  MAX_PENDING_REPORT_REQUESTS_PER_USER,
  type ReportListQuery,
  type ReportListResponse,
  type ReportMetadata,
  type ReportRequest,
  type ReportRequestListResponse,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { ReportRequestsRepository, ReportsRepository } from '@fengqiao/db';
import { ReportError, type ReportErrorCode, targetOf } from '@fengqiao/reports';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { listRegions, reportInScope } from './report-scope';

/** How many of the caller's requests the dashboard's status list shows. */
const LATEST_REQUESTS = 10;

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
  private readonly requests = new ReportRequestsRepository();

  constructor(
    private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
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

  /**
   * Queues a report for apps/reports (the API never generates: seconds of CPU and a browser would sit
   * in the request). Checked here as before: scope, a period that has begun, a known region.
   */
  async request(user: AuthUser, r: ReportRequest): Promise<ReportRequestStatus> {
    if (!reportInScope(user, r.region)) throw new ApiError('OUT_OF_SCOPE', 'region outside your regions');
    const now = this.clock.now();
    const target = this.checked(() => targetOf(r, now.getTime()));
    if (!(await this.requests.regionKnown(this.db.pool, r.region))) {
      throw apiErrorOf(new ReportError('REGION_UNKNOWN', `region ${r.region} is not in the registry`));
    }
    if ((await this.requests.pendingOf(this.db.pool, user.userId)) >= MAX_PENDING_REPORT_REQUESTS_PER_USER) {
      throw new ApiError(
        'RATE_LIMITED',
        `at most ${MAX_PENDING_REPORT_REQUESTS_PER_USER} report requests may be pending at once`,
      );
    }
    // The repository retries the race with a concurrent identical request; null only if it kept losing.
    const queued = await this.requests.enqueue(this.db.pool, {
      id: randomUUID(),
      userId: user.userId,
      target,
      now,
    });
    if (queued !== null) return queued;
    throw new ApiError('INTERNAL', 'could not queue the report request');
  }

  async latestRequests(user: AuthUser): Promise<ReportRequestListResponse> {
    return { items: await this.requests.latestOf(this.db.pool, user.userId, LATEST_REQUESTS) };
  }

  /** A request is visible to whoever may read its region's reports (a reused request is shared). */
  async requestStatus(user: AuthUser, id: string): Promise<ReportRequestStatus> {
    const status = await this.requests.get(this.db.pool, id);
    if (status === null) throw new ApiError('NOT_FOUND', 'no such report request');
    if (!reportInScope(user, status.region))
      throw new ApiError('OUT_OF_SCOPE', 'request outside your regions');
    return status;
  }

  private checked<T>(f: () => T): T {
    try {
      return f();
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
