import { type Alert, type UserRole } from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { ROUTES } from '../routes/route-table';

export const CITY_ROOM = 'scope:city';

/** The live alert stream is readable by exactly the roles that may list alerts (one table). */
export const LIVE_ALERT_ROLES: readonly UserRole[] = ROUTES['alerts.list'].access;

/** A city-wide user sits in the city room; a scoped one in a room per county or township. */
export function roomsForUser(user: AuthUser): string[] {
  const scope = user.regions.length === 0 ? [CITY_ROOM] : user.regions.map((r) => `region:${r}`);
  return [`role:${user.role}`, ...scope];
}

/** Every room whose members may see this alert; Socket.IO delivers once to a socket in several. */
export function roomsForAlert(alert: Pick<Alert, 'region'>): string[] {
  const { county, township } = alert.region;
  return [CITY_ROOM, `region:${county}`, ...(township === undefined ? [] : [`region:${township}`])];
}
