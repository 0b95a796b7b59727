import { isCityRegionCode } from '@fengqiao/contracts';
import { type ReportListFilter } from '@fengqiao/db';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';

type RegionFilter = NonNullable<ReportListFilter['regions']>;

/** Whether a report's region lies inside the caller's regions (a county scope covers its townships ...). */
export function reportInScope(user: Pick<AuthUser, 'regions'>, region: string): boolean {
  return user.regions.length === 0 || user.regions.some((r) => region.startsWith(r));
}

/**
 * The regions a list may return: what was asked, narrowed to the caller's scope. A scoped caller
 * asking for a wider region (the city, their county's parent) gets their own regions within it.
 */
export function listRegions(
  user: Pick<AuthUser, 'regions'>,
  asked: { region?: string; within?: boolean },
): RegionFilter | undefined {
  const scope = user.regions.map((code) => ({ code, within: true }));
  if (asked.region === undefined) return scope.length === 0 ? undefined : scope;
  const wide = asked.within === true && isCityRegionCode(asked.region);
  if (user.regions.length === 0)
    return wide ? undefined : [{ code: asked.region, within: asked.within ?? false }];
  if (reportInScope(user, asked.region)) return [{ code: asked.region, within: asked.within ?? false }];
  const inside = scope.filter(
    (s) => wide || (asked.within === true && s.code.startsWith(asked.region ?? '')),
  );
  if (inside.length === 0) throw new ApiError('OUT_OF_SCOPE', 'region outside your regions');
  return inside;
}
