import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { type AuthUser } from './auth-user';

/** The request's authenticated user, as the auth guard attached it. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (user === undefined) throw new ApiError('UNAUTHENTICATED', 'authentication required');
  return user;
});
