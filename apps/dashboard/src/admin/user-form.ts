import { USER_ROLES, type UserRole } from '@fengqiao/contracts';

/** Pure helpers of the administration screen (unit-tested in user-form.spec.ts). */
export const ROLE_ORDER: readonly UserRole[] = USER_ROLES;

/** "511902, 511902001" → ['511902', '511902001']: commas (ASCII or Chinese), spaces, blanks dropped. */
export function parseRegions(text: string): string[] {
  return text
    .split(/[,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function regionsText(regions: readonly string[], city: string): string {
  return regions.length === 0 ? city : regions.join('、');
}

/** The link a wall opens to enrol: the token in the fragment, which browsers never send to a server. */
export function enrolLink(origin: string, deviceToken: string): string {
  return `${origin}/enrol#${deviceToken}`;
}
