import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';

/**
 * The region a KPI request covers (null = the city). A city-wide caller may ask for any region; a
 * scoped caller gets their own region, or one inside it, and is refused anything else.
 */
export function kpiScopeOf(user: Pick<AuthUser, 'regions'>, asked: string | undefined): string | null {
  if (user.regions.length === 0) return asked ?? null;
  if (asked === undefined) return user.regions[0] ?? null;
  if (user.regions.some((r) => asked === r || asked.startsWith(r))) return asked;
  throw new ApiError('OUT_OF_SCOPE', 'region outside your regions');
}
