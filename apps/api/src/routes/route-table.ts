import { z } from 'zod';
import {
  acknowledgeRequestSchema,
  alertDetailSchema,
  alertIdParamsSchema,
  alertListQuerySchema,
  alertListResponseSchema,
  breakdownQuerySchema,
  breakdownResponseSchema,
  cameraSearchQuerySchema,
  cameraSearchResponseSchema,
  cameraStatusQuerySchema,
  cameraStatusResponseSchema,
  dispatchRequestSchema,
  escalateRequestSchema,
  healthResponseSchema,
  hotspotsQuerySchema,
  scoredHotspotsResponseSchema,
  loginRequestSchema,
  refreshRequestSchema,
  resolveRequestSchema,
  sessionUserSchema,
  silenceRequestSchema,
  tokenPairSchema,
  transitionResponseSchema,
  trendSeriesQuerySchema,
  trendSeriesResponseSchema,
  yearOnYearQuerySchema,
  yearOnYearResponseSchema,
} from '@fengqiao/contracts';
import { DEVICE_TOKEN_ROUTES } from '../auth/device-tokens.routes';
import { CAMERA_ROUTES } from '../cameras/cameras.routes';
import { KPI_ROUTES } from '../kpis/kpis.routes';
import { CASES_ROUTES } from '../cases/cases.routes';
import { RULES_ROUTES } from '../rules/rules.routes';
import { SILENCES_ROUTES } from '../silences/silences.routes';
import { REPORTS_ROUTES } from '../reports/reports.routes';
import { cameraIdParamsSchema, playGrantResponseSchema, playRequestSchema } from '../video/video-api';
import { ADMIN, ALL, EXPORTERS, RESPONDERS, type RouteSpec, WATCHERS } from './route-spec';
import { REGIONS_ROUTES } from '../regions/regions.routes';
import { ROUTING_ROUTES } from '../routing/routing.routes';

export type { RouteSpec } from './route-spec';

const verifyResponse = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  firstBadSeq: z.number().nullable(),
});

/**
 * THE route table: the controllers take method and path from it (`@Endpoint(id)`), the guard
 * takes the roles, the OpenAPI document the schemas, and the authorization matrix test every cell.
 * A feature module may keep its routes in its own `<feature>.routes.ts` (a record `satisfies
 * Record<string, RouteSpec>`), spread in at the end of this table: one line per module.
 */
export const ROUTES = {
  'health.check': {
    method: 'GET',
    path: 'health',
    summary: 'Liveness and dependency health',
    access: 'public',
    response: healthResponseSchema,
  },
  'docs.openapi': { method: 'GET', path: 'openapi.json', summary: 'This OpenAPI document', access: 'public' },
  'docs.page': {
    method: 'GET',
    path: 'docs',
    summary: 'Interactive API documentation',
    access: 'public',
    produces: 'text/html',
  },
  'docs.script': {
    method: 'GET',
    path: 'docs/docs.js',
    summary: 'Script of the documentation page',
    access: 'public',
    produces: 'application/javascript',
  },
  'auth.login': {
    method: 'POST',
    path: 'auth/login',
    summary: 'Exchange username and password for tokens',
    access: 'public',
    rateLimit: 'login',
    body: loginRequestSchema,
    response: tokenPairSchema,
  },
  'auth.refresh': {
    method: 'POST',
    path: 'auth/refresh',
    summary: 'Rotate a refresh token for new tokens',
    access: 'public',
    rateLimit: 'login',
    body: refreshRequestSchema,
    response: tokenPairSchema,
  },
  'auth.logout': {
    method: 'POST',
    path: 'auth/logout',
    summary: 'Revoke a refresh token and its family',
    access: 'public',
    rateLimit: 'login',
    body: refreshRequestSchema,
  },
  'auth.me': {
    method: 'GET',
    path: 'auth/me',
    summary: 'The signed-in user',
    access: ALL,
    response: sessionUserSchema,
  },
  'alerts.list': {
    method: 'GET',
    path: 'alerts',
    summary: 'Alerts in the caller’s scope, filtered, newest first',
    access: WATCHERS,
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
  'alerts.acknowledge': {
    method: 'POST',
    path: 'alerts/:alertId/acknowledge',
    summary: 'Acknowledge (a note is required for red)',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: acknowledgeRequestSchema,
    response: transitionResponseSchema,
  },
  'alerts.dispatch': {
    method: 'POST',
    path: 'alerts/:alertId/dispatch',
    summary: 'Dispatch a unit to an acknowledged alert',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: dispatchRequestSchema,
    response: transitionResponseSchema,
  },
  'alerts.resolve': {
    method: 'POST',
    path: 'alerts/:alertId/resolve',
    summary: 'Resolve with an outcome',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: resolveRequestSchema,
    response: transitionResponseSchema,
  },
  'alerts.silence': {
    method: 'POST',
    path: 'alerts/:alertId/silence',
    summary: 'Silence a blue or orange alert for a while',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: silenceRequestSchema,
    response: transitionResponseSchema,
  },
  'alerts.escalate': {
    method: 'POST',
    path: 'alerts/:alertId/escalate',
    summary: 'Escalate by hand, one level up or to a named level, with a note',
    access: RESPONDERS,
    rateLimit: 'write',
    params: alertIdParamsSchema,
    body: escalateRequestSchema,
    response: transitionResponseSchema,
  },
  'hotspots.top': {
    method: 'GET',
    path: 'hotspots',
    summary: 'The busiest townships over the last hours',
    access: WATCHERS,
    query: hotspotsQuerySchema,
    response: scoredHotspotsResponseSchema,
  },
  'trends.series': {
    method: 'GET',
    path: 'trends/series',
    summary: 'Counts per bucket × region × category',
    access: WATCHERS,
    query: trendSeriesQuerySchema,
    response: trendSeriesResponseSchema,
  },
  'trends.csv': {
    method: 'GET',
    path: 'trends/series.csv',
    summary: 'The same series as CSV',
    access: EXPORTERS,
    query: trendSeriesQuerySchema,
    produces: 'text/csv',
  },
  'trends.yoy': {
    method: 'GET',
    path: 'trends/yoy',
    summary: 'A range against the same range a year earlier',
    access: WATCHERS,
    query: yearOnYearQuerySchema,
    response: yearOnYearResponseSchema,
  },
  'trends.breakdown': {
    method: 'GET',
    path: 'trends/breakdown',
    summary: 'Drill-down: totals one level below (city → county → township)',
    access: WATCHERS,
    query: breakdownQuerySchema,
    response: breakdownResponseSchema,
  },
  'cameras.search': {
    method: 'GET',
    path: 'cameras',
    summary: 'Search the camera registry',
    access: WATCHERS,
    query: cameraSearchQuerySchema,
    response: cameraSearchResponseSchema,
  },
  'cameras.status': {
    method: 'GET',
    path: 'cameras/status',
    summary: 'Online share by county or township',
    access: WATCHERS,
    query: cameraStatusQuerySchema,
    response: cameraStatusResponseSchema,
  },
  'video.play': {
    method: 'POST',
    path: 'video/cameras/:cameraId/play',
    summary: 'A short-lived play token for one camera, audited with why (alert or patrol)',
    // Live video of people: the wall, duty officers and administrators, not analysts or intake.
    access: ['wall', 'duty-officer', 'admin'],
    rateLimit: 'write',
    params: cameraIdParamsSchema,
    body: playRequestSchema,
    response: playGrantResponseSchema,
  },
  'audit.verify': {
    method: 'GET',
    path: 'audit/verify',
    summary: 'Verify the audit hash chain',
    access: ADMIN,
    response: verifyResponse,
  },
  'metrics.scrape': {
    method: 'GET',
    path: 'metrics',
    summary: 'Prometheus metrics',
    access: ADMIN,
    produces: 'text/plain',
  },
  // Feature route files, one spread each:
  ...DEVICE_TOKEN_ROUTES,
  ...CASES_ROUTES,
  ...CAMERA_ROUTES,
  ...KPI_ROUTES,
  ...RULES_ROUTES,
  ...SILENCES_ROUTES,
  ...REPORTS_ROUTES,
  ...REGIONS_ROUTES,
  ...ROUTING_ROUTES,
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof ROUTES;

export function routeSpec(id: RouteId): RouteSpec {
  return ROUTES[id];
}
