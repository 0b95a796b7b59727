import { type AuthUser } from '../auth/auth-user';
import { CITY_ROOM } from './live-rooms';

/** A stream's scope: null = the city, else a county or township code. */
export type LiveScope = string | null;

const REGION_PREFIX = 'region:';

export function roomOfScope(scope: LiveScope): string {
  return scope === null ? CITY_ROOM : `${REGION_PREFIX}${scope}`;
}

export function scopeOfRoom(room: string): LiveScope | undefined {
  if (room === CITY_ROOM) return null;
  return room.startsWith(REGION_PREFIX) ? room.slice(REGION_PREFIX.length) : undefined;
}

/** The scopes a user's socket follows: the city, or each of its regions (as its rooms say). */
export function scopesOfUser(user: Pick<AuthUser, 'regions'>): LiveScope[] {
  return user.regions.length === 0 ? [null] : [...user.regions];
}

/** Scopes with at least one socket on this instance: only those are computed. */
export function activeScopes(rooms: ReadonlyMap<string, ReadonlySet<string>>): LiveScope[] {
  const out: LiveScope[] = [];
  for (const [room, members] of rooms) {
    const scope = scopeOfRoom(room);
    if (scope !== undefined && members.size > 0) out.push(scope);
  }
  return out;
}
