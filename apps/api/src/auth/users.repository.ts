import { Injectable } from '@nestjs/common';
import { type UserRole } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';

export interface UserRow {
  readonly user_id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: UserRole;
  readonly regions: string[];
  readonly password_hash: string;
  readonly failed_attempts: number;
  readonly locked_until: Date | null;
  readonly disabled: boolean;
}

export interface NewUser {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: UserRole;
  readonly regions: readonly string[];
  readonly passwordHash: string;
}

const COLUMNS =
  'user_id, username, display_name, role, regions, password_hash, failed_attempts, locked_until, disabled';

@Injectable()
export class UsersRepository {
  async findByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
    const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return res.rows[0];
  }

  async findById(db: Queryable, userId: string): Promise<UserRow | undefined> {
    const res = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE user_id = $1`, [userId]);
    return res.rows[0];
  }

  /** Idempotent: an existing username is left as it is (its password may have been changed). */
  async insertIfAbsent(db: Queryable, user: NewUser): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO users (user_id, username, display_name, role, regions, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`,
      [user.userId, user.username, user.displayName, user.role, user.regions, user.passwordHash],
    );
    return res.rowCount === 1;
  }
}
