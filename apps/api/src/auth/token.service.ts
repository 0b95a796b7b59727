import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type SessionUser } from '@fengqiao/contracts';
import { type ApiOptions, type Clock } from '../infra/api-options';
import { API_OPTIONS, CLOCK, CONFIG } from '../infra/tokens';
import { type AuthUser } from './auth-user';
import { signAccessToken, verifyAccessToken } from './jwt';

/** Issues and checks access tokens; shared by the HTTP guard and the Socket.IO handshake. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get refreshTtlSeconds(): number {
    return this.options.refreshTokenTtlSeconds;
  }

  /** `sessionId`: the refresh family, so a revoked session's access token is refused too. */
  issue(user: SessionUser, sessionId?: string): { token: string; expiresIn: number } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.options.accessTokenTtlSeconds;
    const token = signAccessToken(
      {
        sub: user.userId,
        name: user.username,
        role: user.role,
        regions: user.regions,
        ...(sessionId === undefined ? {} : { sid: sessionId }),
        iat,
        exp: iat + expiresIn,
      },
      this.config.api.jwtSecret,
    );
    return { token, expiresIn };
  }

  /** Throws ApiError TOKEN_INVALID / TOKEN_EXPIRED. */
  verify(token: string): AuthUser {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const c = verifyAccessToken(token, this.config.api.jwtSecret, nowSeconds);
    return {
      userId: c.sub,
      username: c.name,
      role: c.role,
      regions: c.regions,
      expiresAt: c.exp,
      ...(c.sid === undefined ? {} : { sessionId: c.sid }),
    };
  }
}
