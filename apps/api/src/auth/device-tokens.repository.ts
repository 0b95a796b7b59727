import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';
import { type SessionUserRow } from './auth.service';

export interface DeviceTokenRow {
  readonly token_id: string;
  readonly label: string;
  readonly username: string;
  readonly regions: string[];
  readonly created_at: Date;
  readonly expires_at: Date | null;
  readonly last_used_at: Date | null;
  readonly revoked_at: Date | null;
}

/** A token with the user it signs in as, for the exchange. */
export interface DeviceTokenWithUser extends DeviceTokenRow {
  readonly user: SessionUserRow & { readonly disabled: boolean };
}

export interface NewDeviceToken {
  readonly tokenId: string;
  readonly tokenHash: string;
  readonly username: string;
  readonly label: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
}

const INFO = `t.token_id, t.label, u.username, u.regions, t.created_at, t.expires_at, t.last_used_at, t.revoked_at`;
const USER = `json_build_object('user_id', u.user_id, 'username', u.username, 'display_name', u.display_name,
  'role', u.role, 'regions', u.regions, 'disabled', u.disabled) AS user`;

@Injectable()
export class DeviceTokensRepository {
  /** Binds to an active wall user only; false (nothing stored) for any other name. */
  async insert(db: Queryable, t: NewDeviceToken): Promise<boolean> {
    const res = await db.query(
      `INSERT INTO device_tokens (token_id, token_hash, user_id, label, created_by, created_at, expires_at)
       SELECT $1, $2, user_id, $4, $5, $6, $7 FROM users
       WHERE username = $3 AND role = 'wall' AND NOT disabled`,
      [t.tokenId, t.tokenHash, t.username, t.label, t.createdBy, t.createdAt, t.expiresAt],
    );
    return res.rowCount === 1;
  }

  async findById(db: Queryable, tokenId: string): Promise<DeviceTokenRow | undefined> {
    const res = await db.query<DeviceTokenRow>(
      `SELECT ${INFO} FROM device_tokens t JOIN users u USING (user_id) WHERE t.token_id = $1`,
      [tokenId],
    );
    return res.rows[0];
  }

  async findByHash(db: Queryable, tokenHash: string): Promise<DeviceTokenWithUser | undefined> {
    const res = await db.query<DeviceTokenWithUser>(
      `SELECT ${INFO}, ${USER} FROM device_tokens t JOIN users u USING (user_id) WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return res.rows[0];
  }

  async list(db: Queryable): Promise<DeviceTokenRow[]> {
    const res = await db.query<DeviceTokenRow>(
      `SELECT ${INFO} FROM device_tokens t JOIN users u USING (user_id) ORDER BY t.created_at DESC LIMIT 500`,
    );
    return res.rows;
  }

  /**
   * Revokes the token and the refresh tokens of the sessions it started (their family is the token
   * id). False when it was already revoked: revoking twice changes nothing.
   */
  async revoke(db: Queryable, tokenId: string, at: Date): Promise<boolean> {
    const res = await db.query<{ n: number }>(
      `WITH t AS (UPDATE device_tokens SET revoked_at = $2 WHERE token_id = $1 AND revoked_at IS NULL
                  RETURNING token_id),
            r AS (UPDATE refresh_tokens SET revoked_at = $2
                  WHERE family_id IN (SELECT token_id FROM t) AND revoked_at IS NULL)
       SELECT count(*)::int AS n FROM t`,
      [tokenId, at],
    );
    return res.rows[0]?.n === 1;
  }

  async touch(db: Queryable, tokenId: string, at: Date): Promise<void> {
    await db.query('UPDATE device_tokens SET last_used_at = $2 WHERE token_id = $1', [tokenId, at]);
  }
}
