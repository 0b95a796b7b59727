import { routeRoles, type UserRole } from '@fengqiao/contracts';
import { R, W } from '../i18n/strings';

/** Who sees the intake form, the cases view and the reports list: whom the route table lets call them. */
export const INTAKE_ROLES = routeRoles('cases.intake');
export const CASES_ROLES = routeRoles('cases.list');
export const REPORTS_ROLES = routeRoles('reports.list');
/** The routing table (read-only view, with its versions): administrators, who also change it. */
export const ROUTING_ROLES = routeRoles('routing.versions');

/** The workflow views' navigation entries a role is offered. */
export function workflowNav(
  role: UserRole | undefined,
): readonly ('/intake' | '/cases' | '/reports' | '/routing')[] {
  if (role === undefined) return [];
  return (
    [
      ['/intake', INTAKE_ROLES],
      ['/cases', CASES_ROLES],
      ['/reports', REPORTS_ROLES],
      ['/routing', ROUTING_ROLES],
    ] as const
  )
    .filter(([, roles]) => roles.includes(role))
    .map(([href]) => href);
}

/** The navigation labels of those views (the home page and the workflow header share them). */
export const WORKFLOW_LABEL = {
  '/intake': W.navIntake,
  '/cases': W.navCases,
  '/reports': W.navReports,
  '/routing': R.navRouting,
} as const;
