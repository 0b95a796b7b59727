import { alertGroupListQuerySchema, alertGroupListResponseSchema } from '../api/alert-group-list-api';
import { type RouteSpec, WATCHERS } from './route-spec';

/** The open alert groups, counted by the API over every open alert in scope (spread into ROUTES). */
export const ALERT_GROUP_LIST_ROUTES = {
  // A static path: the router matches it before `alerts/:alertId`.
  'alerts.groups.list': {
    method: 'GET',
    path: 'alerts/groups',
    summary:
      'Open alert groups in the caller’s scope (rule, cause and area), each with its count, worst level, newest time and members',
    access: WATCHERS,
    regionScope: 'region',
    query: alertGroupListQuerySchema,
    response: alertGroupListResponseSchema,
  },
} as const satisfies Record<string, RouteSpec>;
