import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { FixedWindowLimiter } from '../common/rate-limiter';
import { type ApiOptions, type Clock } from '../infra/api-options';
import { API_OPTIONS, CLOCK } from '../infra/tokens';
import { ROUTE_ID } from '../routes/endpoint.decorator';
import { type RouteId, routeSpec } from '../routes/route-table';
import { type AuthUser } from './auth-user';

/** Login-class routes are limited per client address, writes per user; runs after the auth guard. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly login: FixedWindowLimiter;
  private readonly write: FixedWindowLimiter;

  constructor(
    private readonly reflector: Reflector,
    @Inject(API_OPTIONS) options: ApiOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.login = new FixedWindowLimiter(options.loginLimitPerMinute, 60_000);
    this.write = new FixedWindowLimiter(options.writeLimitPerMinute, 60_000);
  }

  canActivate(ctx: ExecutionContext): boolean {
    const id = this.reflector.get<RouteId | undefined>(ROUTE_ID, ctx.getHandler());
    const kind = id === undefined ? undefined : routeSpec(id).rateLimit;
    if (kind === undefined) return true;
    const request = ctx.switchToHttp().getRequest<{ ip: string; user?: AuthUser }>();
    const now = this.clock.now().getTime();
    const allowed =
      kind === 'login'
        ? this.login.hit(`ip:${request.ip}`, now)
        : this.write.hit(`user:${request.user?.userId ?? request.ip}`, now);
    if (!allowed) throw new ApiError('RATE_LIMITED', 'too many requests, retry in a minute');
    return true;
  }
}
