import { type UserRow } from '@fengqiao/db';
import { type UserInfo } from '@fengqiao/contracts';

/** An account as administration shows it: never a hash, a secret or a code. */
export function toUserInfo(a: UserRow): UserInfo {
  return {
    userId: a.user_id,
    username: a.username,
    displayName: a.display_name,
    role: a.role,
    regions: a.regions,
    disabled: a.disabled,
    mustChangePassword: a.must_change_password,
    totpEnabled: a.totp_secret !== null,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}

export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
