import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type SessionUser, type TokenPair } from '@fengqiao/contracts';
import { type UserRow, UsersRepository } from '@fengqiao/db';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { type AuthUser } from './auth-user';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService } from './token.service';

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

export type SessionUserRow = Pick<UserRow, 'user_id' | 'username' | 'display_name' | 'role' | 'regions'>;

export function toSessionUser(u: SessionUserRow): SessionUser {
  return {
    userId: u.user_id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    regions: u.regions,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Rotates: each refresh token works once; presenting a used one revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const row = await this.refreshTokens.find(this.db.pool, digest(refreshToken));
    const invalid = new ApiError('REFRESH_INVALID', 'refresh token invalid or expired');
    if (row === undefined || row.revoked_at !== null || row.expires_at <= now) throw invalid;
    if (!(await this.refreshTokens.markRotated(this.db.pool, row.token_hash, now))) {
      await this.refreshTokens.revokeFamily(this.db.pool, row.family_id, now);
      throw invalid;
    }
    const user = await this.users.find(this.db.pool, row.user_id);
    if (user === undefined || user.disabled) throw invalid;
    return this.startSession(toSessionUser(user), row.family_id, now);
  }

  async logout(refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.find(this.db.pool, digest(refreshToken));
    if (row !== undefined)
      await this.refreshTokens.revokeFamily(this.db.pool, row.family_id, this.clock.now());
  }

  async me(caller: AuthUser): Promise<SessionUser> {
    const user = await this.users.find(this.db.pool, caller.userId);
    if (user === undefined || user.disabled) throw new ApiError('UNAUTHENTICATED', 'user no longer active');
    return toSessionUser(user);
  }

  /** A new token pair; its refresh token starts or continues `familyId` (revoking it ends the session). */
  async startSession(user: SessionUser, familyId: string, now: Date): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const ttl = this.tokens.refreshTtlSeconds;
    await this.refreshTokens.insert(this.db.pool, {
      tokenHash: digest(refreshToken),
      userId: user.userId,
      familyId,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + ttl * 1000),
    });
    const access = this.tokens.issue(user, familyId);
    return {
      tokenType: 'Bearer',
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresIn: ttl,
      user,
    };
  }
}
