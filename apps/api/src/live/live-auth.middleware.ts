import { Injectable } from '@nestjs/common';
import { liveHandshakeSchema } from '@fengqiao/contracts';
import { ApiError } from '../common/api-error';
import { SessionRevocations } from '../accounts/session-revocations.service';
import { TokenService } from '../auth/token.service';
import { LIVE_ALERT_ROLES } from './live-rooms';
import { type LiveSocket } from './live-types';

/** The error a refused handshake carries to the client's `connect_error` (`err.data.code`). */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Runs on every handshake, reconnections included: a revoked or expired token never re-attaches.
 * A middleware, not a guard, because guards only see events, not the connection itself.
 */
@Injectable()
export class LiveAuthMiddleware {
  constructor(
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  readonly use = (socket: LiveSocket, next: (err?: Error) => void): void => {
    const handshake = liveHandshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) return next(refusal('UNAUTHENTICATED', 'handshake needs { token, lastSeq? }'));
    try {
      const user = this.tokens.verify(handshake.data.token);
      if (this.revocations.isRevoked(user.sessionId)) return next(refusal('TOKEN_INVALID', 'session ended'));
      if (!LIVE_ALERT_ROLES.includes(user.role))
        return next(refusal('FORBIDDEN', 'role may not stream alerts'));
      socket.data.user = user;
      if (handshake.data.lastSeq !== undefined) socket.data.lastSeq = handshake.data.lastSeq;
      if (handshake.data.seen !== undefined) socket.data.seen = handshake.data.seen;
      return next();
    } catch (err) {
      return next(
        err instanceof ApiError ? refusal(err.code, err.message) : refusal('INTERNAL', 'handshake failed'),
      );
    }
  };
}
