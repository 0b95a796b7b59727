import { alertCaseRequestSchema, alertCaseResponseSchema } from '../api/alert-case-api';
import { alertIdParamsSchema } from '../api/alerts-api';
import { RESPONDERS, type RouteSpec } from './route-spec';

/** An alert turned into a case by the duty officer (spread into ROUTES). */
export const ALERT_CASE_ROUTES = {
  'alerts.createCase': {
    method: 'POST',
    path: 'alerts/:alertId/case',
    summary:
      'Turn an alert into a case through the intake (prefilled from the alert, linked both ways, audited); 409 ALERT_CASE_EXISTS when it already is one',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: alertCaseRequestSchema,
    response: alertCaseResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
