import {
  acknowledgeRequestSchema,
  alertDetailSchema,
  alertIdParamsSchema,
  alertListQuerySchema,
  alertListResponseSchema,
  dispatchRequestSchema,
  escalateRequestSchema,
  resolveRequestSchema,
  silenceRequestSchema,
  transitionResponseSchema,
} from '../api/alerts-api';
import { RESPONDERS, type RouteSpec, WATCHERS } from './route-spec';

const transition = <B extends NonNullable<RouteSpec['body']>>(command: string, summary: string, body: B) =>
  ({
    method: 'POST',
    path: `alerts/:alertId/${command}`,
    summary,
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body,
    response: transitionResponseSchema,
  }) as const satisfies RouteSpec;

/** The alert list, detail and the duty officers' transitions (spread into ROUTES). */
export const ALERT_ROUTES = {
  'alerts.list': {
    method: 'GET',
    path: 'alerts',
    summary: 'Alerts in the caller’s scope, filtered, newest first',
    access: WATCHERS,
    regionScope: 'region',
    query: alertListQuerySchema,
    response: alertListResponseSchema,
  },
  'alerts.detail': {
    method: 'GET',
    path: 'alerts/:alertId',
    summary: 'An alert with its explanation, evidence and history',
    access: WATCHERS,
    params: alertIdParamsSchema,
    response: alertDetailSchema,
  },
  'alerts.acknowledge': transition(
    'acknowledge',
    'Acknowledge (a note is required for red)',
    acknowledgeRequestSchema,
  ),
  'alerts.dispatch': transition(
    'dispatch',
    'Dispatch a unit to an acknowledged alert',
    dispatchRequestSchema,
  ),
  'alerts.resolve': transition('resolve', 'Resolve with an outcome', resolveRequestSchema),
  'alerts.silence': transition('silence', 'Silence a blue or orange alert for a while', silenceRequestSchema),
  'alerts.escalate': transition(
    'escalate',
    'Escalate by hand, one level up or to a named level, with a note',
    escalateRequestSchema,
  ),
} as const satisfies Record<string, RouteSpec>;
