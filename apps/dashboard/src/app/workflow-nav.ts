import { type UserRole } from '@fengqiao/contracts';
import { R, W } from '../i18n/strings';

/** Who sees the intake form, the cases view and the reports list (as the API's route table allows). */
export const INTAKE_ROLES: readonly UserRole[] = ['intake-clerk', 'admin'];
export const CASES_ROLES: readonly UserRole[] = ['wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin'];
export const REPORTS_ROLES: readonly UserRole[] = ['duty-officer', 'analyst', 'admin'];
/** The routing table (read-only view): administrators, who also change it through the API. */
export const ROUTING_ROLES: readonly UserRole[] = ['admin'];

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
