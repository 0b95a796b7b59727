import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersRepository } from '@fengqiao/db';
import { LoginStepsService } from '../accounts/login-steps.service';
import { SecondFactorService } from '../accounts/second-factor.service';
import { SessionRevocations } from '../accounts/session-revocations.service';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { DeviceTokensController } from './device-tokens.controller';
import { DeviceTokensRepository } from './device-tokens.repository';
import { DeviceTokensService } from './device-tokens.service';
import { LoginBackoffRepository } from './login-backoff.repository';
import { LoginService } from './login.service';
import { RateLimitGuard } from './rate-limit.guard';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TokenService } from './token.service';

@Module({
  imports: [AuditModule],
  controllers: [AuthController, DeviceTokensController],
  providers: [
    AuthService,
    LoginService,
    LoginBackoffRepository,
    DeviceTokensService,
    DeviceTokensRepository,
    TokenService,
    { provide: UsersRepository, useValue: new UsersRepository() },
    RefreshTokensRepository,
    SessionRevocations,
    // The sign-in's later steps (issue 16) live with the accounts module's files.
    LoginStepsService,
    SecondFactorService,
    // Global, in this order: who is calling and may they, then how often.
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    TokenService,
    UsersRepository,
    SessionRevocations,
    AuthService,
    LoginStepsService,
    SecondFactorService,
    LoginBackoffRepository,
    RefreshTokensRepository,
  ],
})
export class AuthModule {}
