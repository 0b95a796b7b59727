import { Body, Controller, HttpCode } from '@nestjs/common';
import {
  loginRequestSchema,
  refreshRequestSchema,
  type LoginAnswer,
  type LoginRequest,
  type RefreshRequest,
  type SessionUser,
  type TokenPair,
} from '@fengqiao/contracts';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LoginService } from './login.service';

@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly logins: LoginService,
  ) {}

  @Endpoint('auth.login')
  @HttpCode(200)
  login(@Body(new ZodPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginAnswer> {
    return this.logins.login(body);
  }

  @Endpoint('auth.refresh')
  @HttpCode(200)
  refresh(@Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Endpoint('auth.logout')
  @HttpCode(204)
  logout(@Body(new ZodPipe(refreshRequestSchema)) body: RefreshRequest): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Endpoint('auth.me')
  me(@CurrentUser() user: AuthUser): Promise<SessionUser> {
    return this.auth.me(user);
  }
}
