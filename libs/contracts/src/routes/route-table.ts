import { USER_ROLES, type UserRole } from '../api/auth';
import { ACCOUNT_ROUTES } from './accounts.routes';
import { ALERT_CASE_ROUTES } from './alert-case.routes';
import { ALERT_GROUP_LIST_ROUTES } from './alert-group-list.routes';
import { ALERT_ROUTES } from './alerts.routes';
import { ASSESSMENT_ROUTES } from './assessment.routes';
import { CAMERA_ROUTES } from './cameras.routes';
import { CASES_ROUTES } from './cases.routes';
import { CORE_ROUTES } from './core.routes';
import { DEVICE_TOKEN_ROUTES } from './device-tokens.routes';
import { DUTY_ROUTES } from './duty.routes';
import { KPI_ROUTES } from './kpis.routes';
import { NOTIFY_POLICY_ROUTES } from './notify-policy.routes';
import { REGIONS_ROUTES } from './regions.routes';
import { REPORTS_ROUTES } from './reports.routes';
import { type RouteSpec } from './route-spec';
import { ROUTING_ROUTES } from './routing.routes';
import { RULES_ROUTES } from './rules.routes';
import { SILENCES_ROUTES } from './silences.routes';
import { TREND_ROUTES } from './trends.routes';

/**
 * THE route table, the one home of every HTTP route's method, path, roles and schemas. The API's
 * controllers take method and path from it (`@Endpoint(id)`), its guard the roles, its OpenAPI
 * document the schemas and its authorization-matrix test every cell; the dashboard's `call(id, …)`
 * takes the URL and the answer's schema, so a route change breaks the build of every caller.
 * A feature keeps its routes in its own `<feature>.routes.ts`, spread in here: one line each.
 */
export const ROUTES = {
  ...CORE_ROUTES,
  ...ALERT_ROUTES,
  ...ALERT_GROUP_LIST_ROUTES,
  ...ALERT_CASE_ROUTES,
  ...TREND_ROUTES,
  ...DEVICE_TOKEN_ROUTES,
  ...ACCOUNT_ROUTES,
  ...CASES_ROUTES,
  ...CAMERA_ROUTES,
  ...KPI_ROUTES,
  ...RULES_ROUTES,
  ...SILENCES_ROUTES,
  ...REPORTS_ROUTES,
  ...REGIONS_ROUTES,
  ...ROUTING_ROUTES,
  ...DUTY_ROUTES,
  ...NOTIFY_POLICY_ROUTES,
  ...ASSESSMENT_ROUTES,
} as const satisfies Record<string, RouteSpec>;

/** The id of a route, e.g. `'alerts.acknowledge'`. */
export type RouteId = keyof typeof ROUTES;

/** A route's entry in the table. */
export function routeSpec(id: RouteId): RouteSpec {
  return ROUTES[id];
}

/** Every route id, in table order. */
export const ROUTE_IDS = Object.keys(ROUTES) as RouteId[];

/** Whether a role may call a route (public routes: every role). */
export function routeAllows(id: RouteId, role: UserRole): boolean {
  const access = routeSpec(id).access;
  return access === 'public' || access.includes(role);
}

/** The roles that may call a route (public routes: every role): what a client shows or hides by. */
export function routeRoles(id: RouteId): readonly UserRole[] {
  const access = routeSpec(id).access;
  return access === 'public' ? USER_ROLES : access;
}
