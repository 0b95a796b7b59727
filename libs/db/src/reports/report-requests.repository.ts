import {
  isCityRegionCode,
  type ReportLevel,
  type ReportPeriodKind,
  type ReportRequestFailure,
  type ReportRequestState,
  type ReportRequestStatus,
} from '@fengqiao/contracts';
import { type ReportTarget } from '@fengqiao/reports';
import { type Queryable } from '../transaction';

interface RequestRow {
  request_id: string;
  level: ReportLevel;
  region: string;
  period_kind: ReportPeriodKind;
  period_start: string;
  period_end: string;
  period_label: string;
  state: ReportRequestState;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: number;
  report_id: string | null;
  failure_code: ReportRequestFailure | null;
  failure_message: string | null;
}

const COLUMNS = `request_id, level, region, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start,
  to_char(period_end, 'YYYY-MM-DD') AS period_end, period_label, state, requested_at, started_at, finished_at,
  attempts, report_id, failure_code, failure_message`;

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function toStatus(r: RequestRow): ReportRequestStatus {
  return {
    id: r.request_id,
    level: r.level,
    region: r.region,
    period: { kind: r.period_kind, start: r.period_start, end: r.period_end, label: r.period_label },
    state: r.state,
    requestedAt: r.requested_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    attempts: r.attempts,
    reportId: r.report_id,
    failure:
      r.failure_code === null ? null : { code: r.failure_code, message: r.failure_message ?? r.failure_code },
  };
}

/** A claimed request: what to generate, and the claim number that must still hold when storing. */
export interface ClaimedRequest {
  readonly status: ReportRequestStatus;
  readonly target: ReportTarget;
}

/** The report_requests table (migration 20261127600300): one query per method. */
export class ReportRequestsRepository {
  /**
   * Queues a request, or returns the pending one of the same report key (the partial unique index
   * makes the check and the insert one atomic step). Null only if that pending one finished in between.
   */
  /**
   * Queues the request, or returns the pending one of the same key. A concurrent insert of that key
   * makes ours DO NOTHING after it commits, but the statement's snapshot predates that commit, so its
   * fallback SELECT sees no row: the next statement does, hence the second try.
   */
  async enqueue(
    db: Queryable,
    r: { id: string; userId: string; target: ReportTarget; now: Date },
  ): Promise<ReportRequestStatus | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = await this.enqueueOnce(db, r);
      if (found !== null) return found;
    }
    return null;
  }

  private async enqueueOnce(
    db: Queryable,
    r: { id: string; userId: string; target: ReportTarget; now: Date },
  ): Promise<ReportRequestStatus | null> {
    const t = r.target;
    const res = await db.query<RequestRow & { inserted: boolean }>(
      `WITH ins AS (
         INSERT INTO report_requests (request_id, requested_by, level, region, period_kind, period_start, period_end,
           period_label, state, requested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9)
         ON CONFLICT (level, region, period_kind, period_start) WHERE state IN ('queued', 'running') DO NOTHING
         RETURNING ${COLUMNS}, true AS inserted)
       SELECT * FROM ins
       UNION ALL
       SELECT ${COLUMNS}, false AS inserted FROM report_requests
       WHERE NOT EXISTS (SELECT 1 FROM ins) AND level = $3 AND region = $4 AND period_kind = $5
         AND period_start = $6 AND state IN ('queued', 'running')`,
      [r.id, r.userId, t.level, t.region, t.period.kind, t.period.start, t.period.end, t.period.label, r.now],
    );
    const row = res.rows[0];
    return row === undefined ? null : { ...toStatus(row), reused: !row.inserted };
  }

  /** Queued or running requests of one user (the per-user limit). */
  async pendingOf(db: Queryable, userId: string): Promise<number> {
    const res = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM report_requests WHERE requested_by = $1 AND state IN ('queued', 'running')`,
      [userId],
    );
    return res.rows[0]?.n ?? 0;
  }

  async get(db: Queryable, id: string): Promise<ReportRequestStatus | null> {
    const res = await db.query<RequestRow>(`SELECT ${COLUMNS} FROM report_requests WHERE request_id = $1`, [
      id,
    ]);
    return res.rows[0] === undefined ? null : toStatus(res.rows[0]);
  }

  /** One user's latest requests, newest first. */
  async latestOf(db: Queryable, userId: string, limit: number): Promise<ReportRequestStatus[]> {
    const res = await db.query<RequestRow>(
      `SELECT ${COLUMNS} FROM report_requests WHERE requested_by = $1 ORDER BY requested_at DESC LIMIT $2`,
      [userId, limit],
    );
    return res.rows.map(toStatus);
  }

  /** Whether a region is in the registry (a city code, prefecture + 00, always is: it has no row). */
  async regionKnown(db: Queryable, region: string): Promise<boolean> {
    const res = await db.query(`SELECT 1 FROM regions WHERE code = $1`, [region]);
    return isCityRegionCode(region) || (res.rowCount ?? 0) > 0;
  }

  /**
   * Claims the oldest queued request, or one whose claim is older than `staleBefore` and has been
   * tried fewer than `maxAttempts` times (its worker died). SKIP LOCKED: two workers never share one.
   */
  async claim(
    db: Queryable,
    now: Date,
    staleBefore: Date,
    maxAttempts: number,
  ): Promise<ClaimedRequest | null> {
    const res = await db.query<RequestRow>(
      `UPDATE report_requests SET state = 'running', started_at = $1, attempts = attempts + 1
       WHERE request_id = (
         SELECT request_id FROM report_requests
         WHERE state = 'queued' OR (state = 'running' AND started_at < $2 AND attempts < $3)
         ORDER BY requested_at FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING ${COLUMNS}`,
      [now, staleBefore, maxAttempts],
    );
    const row = res.rows[0];
    if (row === undefined) return null;
    const status = toStatus(row);
    return { status, target: { level: status.level, region: status.region, period: status.period } };
  }

  /** Fails the requests still running after their last attempt's claim went stale. */
  async failStale(db: Queryable, now: Date, staleBefore: Date, maxAttempts: number): Promise<number> {
    const res = await db.query(
      `UPDATE report_requests SET state = 'failed', finished_at = $1, failure_code = 'TIMED_OUT',
         failure_message = 'still running after ' || attempts || ' attempts'
       WHERE state = 'running' AND started_at < $2 AND attempts >= $3`,
      [now, staleBefore, maxAttempts],
    );
    return res.rowCount ?? 0;
  }

  /**
   * Ends a claim: ready with its report, or failed with a code. Only the claim that is still current
   * (same attempt, still running) may end it; a worker whose claim was taken over changes nothing.
   */
  async finish(
    db: Queryable,
    claim: ReportRequestStatus,
    now: Date,
    outcome: { reportId: string } | { code: ReportRequestFailure; message: string },
  ): Promise<boolean> {
    const ready = 'reportId' in outcome;
    const res = await db.query(
      `UPDATE report_requests SET state = $3, finished_at = $4, report_id = $5, failure_code = $6, failure_message = $7
       WHERE request_id = $1 AND attempts = $2 AND state = 'running'`,
      [
        claim.id,
        claim.attempts,
        ready ? 'ready' : 'failed',
        now,
        ready ? outcome.reportId : null,
        ready ? null : outcome.code,
        ready ? null : outcome.message,
      ],
    );
    return (res.rowCount ?? 0) > 0;
  }
}
