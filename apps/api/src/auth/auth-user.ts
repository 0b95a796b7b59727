import { type UserRole } from '@fengqiao/contracts';

/** Who is calling, as the access token says; `regions` empty = the whole city. */
export interface AuthUser {
  readonly userId: string;
  readonly username: string;
  readonly role: UserRole;
  readonly regions: readonly string[];
  /** The session the token belongs to (its refresh family; a device token's id for a wall). */
  readonly sessionId?: string;
  /** Access-token expiry, epoch seconds. */
  readonly expiresAt: number;
}
