import { Injectable } from '@nestjs/common';
import { type AlertDetail, type AlertListQuery, type AlertListResponse } from '@fengqiao/contracts';
import { AlertCaseLinks, AlertEvidenceEvents, AlertStore, toAlert, toHistoryEntry } from '@fengqiao/db';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';

function decodeCursor(cursor: string | undefined): { raisedMicros: string; alertId: string } | null {
  if (cursor === undefined) return null;
  const [raisedMicros, alertId] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (
    raisedMicros === undefined ||
    !/^\d{1,17}$/.test(raisedMicros) ||
    alertId === undefined ||
    !uuid.test(alertId)
  ) {
    throw new ApiError('VALIDATION_FAILED', 'invalid cursor', [
      { path: 'cursor', message: 'not a cursor from this API' },
    ]);
  }
  return { raisedMicros, alertId };
}

@Injectable()
export class AlertQueriesService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly links: AlertCaseLinks,
    private readonly evidence: AlertEvidenceEvents,
  ) {}

  /** Only alerts inside the caller's regions; a `region` filter narrows, never widens, that scope. */
  async list(user: AuthUser, q: AlertListQuery): Promise<AlertListResponse> {
    const rows = await this.alerts.list(this.db.pool, {
      colours: q.colour ?? null,
      states: q.state ?? null,
      region: q.region ?? null,
      ruleId: q.ruleId ?? null,
      from: q.from ?? null,
      to: q.to ?? null,
      scope: user.regions,
      before: decodeCursor(q.cursor),
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > q.limit && last !== undefined
        ? Buffer.from(`${last.raised_micros}|${last.alert_id}`).toString('base64url')
        : null;
    return { items: page.map(toAlert), nextCursor };
  }

  async detail(user: AuthUser, alertId: string): Promise<AlertDetail> {
    const row = await this.alerts.findById(this.db.pool, alertId);
    // Out of scope looks like absent: a township officer learns nothing about other townships.
    if (row === undefined || !inScope(user.regions, row)) throw new ApiError('NOT_FOUND', 'no such alert');
    const history = await this.alerts.history(this.db.pool, alertId);
    const entries = history.map(toHistoryEntry);
    // An officer's note is free text that can name people: the wall never gets it (docs/security.md).
    const shown = user.role === 'wall' ? entries.map(({ note: _note, ...e }) => e) : entries;
    const caseId = await this.links.caseOf(this.db.pool, alertId);
    const alert = toAlert(row);
    const { evidence } = alert.explanation;
    const { raisedAt, updatedAt } = alert;
    const evidenceEvents = await this.evidence.cameraEvents(this.db.pool, evidence, raisedAt, updatedAt);
    const evidenceCaseEvents = await this.evidence.caseEvents(this.db.pool, evidence, raisedAt, updatedAt);
    return {
      alert,
      history: shown,
      ...(caseId === undefined ? {} : { caseId }),
      ...(evidenceEvents.length === 0 ? {} : { evidenceEvents }),
      ...(evidenceCaseEvents.length === 0 ? {} : { evidenceCaseEvents }),
    };
  }
}
