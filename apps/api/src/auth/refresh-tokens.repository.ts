import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';

export interface RefreshTokenRow {
  readonly token_hash: string;
  readonly user_id: string;
  readonly family_id: string;
  readonly expires_at: Date;
  readonly rotated_at: Date | null;
  readonly revoked_at: Date | null;
}

@Injectable()
export class RefreshTokensRepository {
  async insert(
    db: Queryable,
    row: { tokenHash: string; userId: string; familyId: string; issuedAt: Date; expiresAt: Date },
  ): Promise<void> {
    await db.query(
      `INSERT INTO refresh_tokens (token_hash, user_id, family_id, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [row.tokenHash, row.userId, row.familyId, row.issuedAt, row.expiresAt],
    );
  }

  async find(db: Queryable, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const res = await db.query<RefreshTokenRow>(
      'SELECT token_hash, user_id, family_id, expires_at, rotated_at, revoked_at FROM refresh_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    return res.rows[0];
  }

  /** Marks a token used; false when it already was (two refreshes raced, or a stolen copy). */
  async markRotated(db: Queryable, tokenHash: string, at: Date): Promise<boolean> {
    const res = await db.query(
      'UPDATE refresh_tokens SET rotated_at = $2 WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL',
      [tokenHash, at],
    );
    return res.rowCount === 1;
  }

  /** Ends every session of the user: its refresh tokens now, its access tokens within seconds. */
  async revokeUser(db: Queryable, userId: string, at: Date): Promise<void> {
    await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
      userId,
      at,
    ]);
  }

  async revokeFamily(db: Queryable, familyId: string, at: Date): Promise<void> {
    await db.query('UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [
      familyId,
      at,
    ]);
  }
}
