import { type UserRole } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

/**
 * A `users` row as every reader sees it: sign-in, the session, administration and the second
 * factor. One row type and one column list (issue 19: the API had two repositories and two row
 * shapes of this table; the sign-in's still read the retired `failed_attempts` / `locked_until`,
 * replaced by `login_backoff`).
 */
export interface UserRow {
  readonly user_id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: UserRole;
  readonly regions: string[];
  readonly password_hash: string;
  readonly disabled: boolean;
  readonly must_change_password: boolean;
  readonly totp_secret: string | null;
  readonly totp_pending_secret: string | null;
  readonly totp_last_step: string | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

export interface UserFilter {
  readonly role: UserRole | null;
  readonly region: string | null;
  readonly disabled: boolean | null;
  /** Already escaped for LIKE. */
  readonly text: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface NewUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly regions: readonly string[];
  readonly passwordHash: string;
}

const COLUMNS = `user_id, username, display_name, role, regions, password_hash, disabled, must_change_password,
  totp_secret, totp_pending_secret, totp_last_step::text, created_at, updated_at`;

// A region filter finds users scoped to it or inside it (a county finds its townships' users too).
const LIST = `
SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM users
WHERE ($1::text IS NULL OR role = $1)
  AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM unnest(regions) r WHERE r LIKE $2 || '%'))
  AND ($3::boolean IS NULL OR disabled = $3)
  AND ($4::text IS NULL OR username LIKE '%' || $4 || '%' OR display_name LIKE '%' || $4 || '%')
ORDER BY username LIMIT $5 OFFSET $6`;

/**
 * The one owner of `users` (and its second factor's `user_recovery_codes`): the API's sign-in,
 * session, account administration and second factor, and the demo seed. One query per method.
 */
export class UsersRepository {
  async findByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
    const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return res.rows[0];
  }

  async find(db: Queryable, userId: string): Promise<UserRow | undefined> {
    const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE user_id = $1`, [userId]);
    return res.rows[0];
  }

  async list(db: Queryable, f: UserFilter): Promise<(UserRow & { total: number })[]> {
    const res = await db.query<UserRow & { total: number }>(LIST, [
      f.role,
      f.region,
      f.disabled,
      f.text,
      f.limit,
      f.offset,
    ]);
    return res.rows;
  }

  /**
   * An account an administrator creates: false when the username is taken; it must replace its
   * password at first sign-in.
   */
  async insert(db: Queryable, a: NewUser & { readonly at: Date }): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO users (user_id, username, display_name, role, regions, password_hash, must_change_password,
                          created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7) ON CONFLICT (username) DO NOTHING`,
      [a.userId, a.username, a.displayName, a.role, a.regions, a.passwordHash, a.at],
    );
    return res.rowCount === 1;
  }

  /**
   * A demo user (the seed): idempotent, an existing username is left as it is (its password may
   * have been changed); its known password need not be replaced at first sign-in.
   */
  async insertIfAbsent(db: Queryable, user: NewUser): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO users (user_id, username, display_name, role, regions, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`,
      [user.userId, user.username, user.displayName, user.role, user.regions, user.passwordHash],
    );
    return res.rowCount === 1;
  }

  async update(
    db: Queryable,
    userId: string,
    c: { displayName: string; role: UserRole; regions: readonly string[]; at: Date },
  ): Promise<void> {
    await db.query(
      'UPDATE users SET display_name = $2, role = $3, regions = $4, updated_at = $5 WHERE user_id = $1',
      [userId, c.displayName, c.role, c.regions, c.at],
    );
  }

  async setDisabled(db: Queryable, userId: string, disabled: boolean, at: Date): Promise<void> {
    await db.query('UPDATE users SET disabled = $2, updated_at = $3 WHERE user_id = $1', [
      userId,
      disabled,
      at,
    ]);
  }

  async setPassword(
    db: Queryable,
    userId: string,
    hash: string,
    mustChange: boolean,
    at: Date,
  ): Promise<void> {
    await db.query(
      'UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE user_id = $1',
      [userId, hash, mustChange, at],
    );
  }

  async setPendingTotp(db: Queryable, userId: string, sealed: string): Promise<void> {
    await db.query('UPDATE users SET totp_pending_secret = $2 WHERE user_id = $1', [userId, sealed]);
  }

  /** The pending secret becomes the factor, with the step its confirming code used. */
  async enableTotp(db: Queryable, userId: string, step: number, at: Date): Promise<boolean> {
    const res = await db.query(
      `UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_enabled_at = $3,
              totp_last_step = $2, updated_at = $3
       WHERE user_id = $1 AND totp_pending_secret IS NOT NULL`,
      [userId, step, at],
    );
    return res.rowCount === 1;
  }

  /** Atomic replay guard: true only for a step after the last one used (two instances, one code). */
  async claimStep(db: Queryable, userId: string, step: number): Promise<boolean> {
    const res = await db.query(
      `UPDATE users SET totp_last_step = $2
       WHERE user_id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
      [userId, step],
    );
    return res.rowCount === 1;
  }

  async clearTotp(db: Queryable, userId: string, at: Date): Promise<void> {
    await db.query(
      `UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
              totp_last_step = NULL, updated_at = $2 WHERE user_id = $1`,
      [userId, at],
    );
    await db.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
  }

  async replaceRecoveryCodes(
    db: Queryable,
    userId: string,
    digests: readonly string[],
    at: Date,
  ): Promise<void> {
    await db.query('DELETE FROM user_recovery_codes WHERE user_id = $1', [userId]);
    await db.query(
      `INSERT INTO user_recovery_codes (user_id, code_hash, created_at) SELECT $1, d, $3 FROM unnest($2::text[]) d`,
      [userId, digests, at],
    );
  }

  /** Uses a recovery code once: true the first time, false for an unknown or used one. */
  async useRecoveryCode(db: Queryable, userId: string, digest: string, at: Date): Promise<boolean> {
    const res = await db.query(
      `UPDATE user_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, digest, at],
    );
    return res.rowCount === 1;
  }

  async countActive(db: Queryable, roles: readonly UserRole[]): Promise<number> {
    const res = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM users WHERE role = ANY($1) AND NOT disabled',
      [roles],
    );
    return res.rows[0]?.n ?? 0;
  }
}
