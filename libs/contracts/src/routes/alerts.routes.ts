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
import {
  groupAcknowledgeRequestSchema,
  groupCommandResponseSchema,
  groupSilenceRequestSchema,
} from '../api/alert-groups-api';
import { alertQualityQuerySchema, alertQualityResponseSchema } from '../api/alert-quality-api';
import { EXPORTERS, RESPONDERS, type RouteSpec, WATCHERS } from './route-spec';

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
    'Dispatch a unit of the alert’s township or county (unit@region) to an acknowledged alert; 422 DISPATCH_UNIT_UNKNOWN for any other unit',
    dispatchRequestSchema,
  ),
  'alerts.resolve': transition('resolve', 'Resolve with an outcome', resolveRequestSchema),
  'alerts.silence': transition('silence', 'Silence a blue or orange alert for a while', silenceRequestSchema),
  'alerts.escalate': transition(
    'escalate',
    'Escalate by hand, one level up or to a named level, with a note',
    escalateRequestSchema,
  ),
  // A group's members are named by id; each is scope-checked like a single transition (byId).
  'alerts.groups.acknowledge': {
    method: 'POST',
    path: 'alerts/groups/acknowledge',
    summary:
      'Acknowledge every member of one alert group, each audited (members outside your regions are not acted on)',
    access: RESPONDERS,
    rateLimit: 'write',
    body: groupAcknowledgeRequestSchema,
    response: groupCommandResponseSchema,
  },
  'alerts.groups.silence': {
    method: 'POST',
    path: 'alerts/groups/silence',
    summary: 'Silence every member of one alert group for a while, each audited',
    access: RESPONDERS,
    rateLimit: 'write',
    body: groupSilenceRequestSchema,
    response: groupCommandResponseSchema,
  },
  // Analysis, not duty: who studies alerts (issue 20); a static path, matched before `alerts/:alertId`.
  'alerts.quality': {
    method: 'GET',
    path: 'alerts/quality',
    summary: 'MTTA and MTTR (medians) by level, region and rule, and the false-alarm rate per rule',
    access: EXPORTERS,
    regionScope: 'region',
    query: alertQualityQuerySchema,
    response: alertQualityResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
