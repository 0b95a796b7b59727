import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userActionRequestSchema,
  userIdParamsSchema,
  userListQuerySchema,
  type CreateUserRequest,
  type UpdateUserRequest,
  type UserActionRequest,
  type UserChangeResponse,
  type UserListQuery,
  type UserListResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { type UserAction, UsersAdminService } from './users-admin.service';

type Id = { userId: string };
const ID = new ZodPipe(userIdParamsSchema);
const ACTION = new ZodPipe(userActionRequestSchema);

@Controller()
export class UsersController {
  constructor(private readonly users: UsersAdminService) {}

  @Endpoint('users.list')
  list(@Query(new ZodPipe(userListQuerySchema)) q: UserListQuery): Promise<UserListResponse> {
    return this.users.list(q);
  }

  @Endpoint('users.create')
  @HttpCode(201)
  create(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<UserChangeResponse> {
    return this.users.create(admin, body);
  }

  @Endpoint('users.update')
  @HttpCode(200)
  update(
    @CurrentUser() admin: AuthUser,
    @Param(ID) p: Id,
    @Body(new ZodPipe(updateUserRequestSchema)) body: UpdateUserRequest,
  ): Promise<UserChangeResponse> {
    return this.users.update(admin, p.userId, body);
  }

  @Endpoint('users.disable')
  @HttpCode(200)
  disable(
    @CurrentUser() a: AuthUser,
    @Param(ID) p: Id,
    @Body(ACTION) b: UserActionRequest,
  ): Promise<UserChangeResponse> {
    return this.act(a, p, 'disable', b);
  }

  @Endpoint('users.enable')
  @HttpCode(200)
  enable(
    @CurrentUser() a: AuthUser,
    @Param(ID) p: Id,
    @Body(ACTION) b: UserActionRequest,
  ): Promise<UserChangeResponse> {
    return this.act(a, p, 'enable', b);
  }

  @Endpoint('users.resetPassword')
  @HttpCode(200)
  resetPassword(
    @CurrentUser() a: AuthUser,
    @Param(ID) p: Id,
    @Body(ACTION) b: UserActionRequest,
  ): Promise<UserChangeResponse> {
    return this.act(a, p, 'reset-password', b);
  }

  @Endpoint('users.resetTotp')
  @HttpCode(200)
  resetTotp(
    @CurrentUser() a: AuthUser,
    @Param(ID) p: Id,
    @Body(ACTION) b: UserActionRequest,
  ): Promise<UserChangeResponse> {
    return this.act(a, p, 'reset-totp', b);
  }

  private act(admin: AuthUser, p: Id, action: UserAction, b: UserActionRequest): Promise<UserChangeResponse> {
    return this.users.act(admin, p.userId, action, b.reason);
  }
}
