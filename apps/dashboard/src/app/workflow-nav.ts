import { type UserRole } from '@fengqiao/contracts';

/** Who sees the intake form, the cases view and the reports list (as the API's route table allows). */
export const INTAKE_ROLES: readonly UserRole[] = ['intake-clerk', 'admin'];
export const CASES_ROLES: readonly UserRole[] = ['wall', 'duty-officer', 'analyst', 'intake-clerk', 'admin'];
export const REPORTS_ROLES: readonly UserRole[] = ['duty-officer', 'analyst', 'admin'];

/** The workflow views' navigation entries a role is offered. */
export function workflowNav(role: UserRole | undefined): readonly ('/intake' | '/cases' | '/reports')[] {
  if (role === undefined) return [];
  return (
    [
      ['/intake', INTAKE_ROLES],
      ['/cases', CASES_ROLES],
      ['/reports', REPORTS_ROLES],
    ] as const
  )
    .filter(([, roles]) => roles.includes(role))
    .map(([href]) => href);
}
