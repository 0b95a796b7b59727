import { Injectable } from '@nestjs/common';
import { type AlertCaseRequest, type AlertCaseResponse, type CaseIntakeRequest } from '@fengqiao/contracts';
import { AlertCaseLinks, AlertStore, toAlert } from '@fengqiao/db';
import { caseDraftFromAlert } from '@fengqiao/domain';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { CaseIntakeService } from '../cases/case-intake.service';
import { Database } from '../infra/database';

/**
 * An alert turned into a case: through the intake (routing, numbering, the case's events on Kafka),
 * prefilled from the alert (`caseDraftFromAlert`), the link stored both ways and an audit row, in one
 * transaction that holds the alert's row, so two officers at once make one case, not two.
 */
@Injectable()
export class AlertCaseService {
  constructor(
    private readonly db: Database,
    private readonly alerts: AlertStore,
    private readonly links: AlertCaseLinks,
    private readonly intake: CaseIntakeService,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, alertId: string, body: AlertCaseRequest): Promise<AlertCaseResponse> {
    return this.db.transaction(async (tx) => {
      const row = await this.alerts.lockById(tx, alertId);
      // Out of scope looks like absent, as the alert's detail does.
      if (row === undefined || !inScope(user.regions, row)) throw new ApiError('NOT_FOUND', 'no such alert');
      const existing = await this.links.caseOf(tx, alertId);
      if (existing !== undefined) {
        throw new ApiError('ALERT_CASE_EXISTS', `the alert is already case ${existing}`, [
          { path: 'alertId', message: existing },
        ]);
      }
      const alert = toAlert(row);
      const draft = caseDraftFromAlert(alert);
      const township = draft.region.township;
      if (township === undefined) {
        throw new ApiError('VALIDATION_FAILED', 'the alert names no township; a case needs one', [
          { path: 'alertId', message: 'county-wide alert' },
        ]);
      }
      const req: CaseIntakeRequest = {
        channel: draft.channel,
        region: { ...draft.region, township },
        ...(draft.location === undefined ? {} : { location: draft.location }),
        category: body.category ?? draft.category,
        summary: body.summary ?? draft.summary,
        parties: [],
        partiesCount: 1,
        riskFlags: {},
      };
      const made = await this.intake.intake(user, req);
      const now = new Date();
      await this.links.insert(tx, { alertId, caseId: made.caseId, linkedAt: now, linkedBy: user.userId });
      await this.audit.record(tx, {
        occurredAt: now,
        actorUserId: user.userId,
        actorRole: user.role,
        action: 'alert.case-created',
        targetType: 'alert',
        targetId: alertId,
        detail: { caseId: made.caseId, category: req.category, colour: alert.colour, version: alert.version },
      });
      return {
        alertId,
        caseId: made.caseId,
        category: req.category,
        summary: req.summary,
        routing: made.routing,
      };
    });
  }
}
