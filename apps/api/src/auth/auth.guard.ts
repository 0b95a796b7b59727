import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SessionRevocations } from '../accounts/session-revocations.service';
import { ApiError } from '../common/api-error';
import { ROUTE_ID } from '../routes/endpoint.decorator';
import { type RouteId, routeSpec } from '../routes/route-table';
import { type AuthUser } from './auth-user';
import { TokenService } from './token.service';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthUser;
}

/**
 * Authentication and role authorization for every route, from the route table. A handler without
 * a table entry is refused: forgetting `@Endpoint` fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const id = this.reflector.get<RouteId | undefined>(ROUTE_ID, ctx.getHandler());
    if (id === undefined) throw new ApiError('FORBIDDEN', 'route has no access policy');
    const spec = routeSpec(id);
    if (spec.access === 'public') return true;
    const request = ctx.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(header) : null;
    if (match?.[1] === undefined) throw new ApiError('UNAUTHENTICATED', 'a bearer token is required');
    const user = this.tokens.verify(match[1]);
    // A revoked device token, a disabled account, a logout: the access token ends with its session.
    if (this.revocations.isRevoked(user.sessionId)) throw new ApiError('TOKEN_INVALID', 'session ended');
    if (!spec.access.includes(user.role))
      throw new ApiError('FORBIDDEN', `role ${user.role} may not call ${id}`);
    request.user = user;
    return true;
  }
}
