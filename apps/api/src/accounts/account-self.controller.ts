import { Body, Controller, HttpCode, Query } from '@nestjs/common';
import {
  auditListQuerySchema,
  loginPasswordStepSchema,
  loginTotpStepSchema,
  totpCodeRequestSchema,
  type AuditListQuery,
  type AuditListResponse,
  type LoginAnswer,
  type LoginPasswordStep,
  type LoginTotpStep,
  type RecoveryCodesResponse,
  type TotpCodeRequest,
  type TotpEnrolment,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Database } from '../infra/database';
import { Endpoint } from '../routes/endpoint.decorator';
import { AuditLogRepository } from './audit-log.repository';
import { LoginStepsService } from './login-steps.service';
import { SelfTotpService } from './self-totp.service';

/** The sign-in's later steps, one's own second factor, and the auditor's reading of the log. */
@Controller()
export class AccountSelfController {
  constructor(
    private readonly steps: LoginStepsService,
    private readonly totp: SelfTotpService,
    private readonly auditLog: AuditLogRepository,
    private readonly db: Database,
  ) {}

  @Endpoint('auth.login.password')
  @HttpCode(200)
  password(@Body(new ZodPipe(loginPasswordStepSchema)) body: LoginPasswordStep): Promise<LoginAnswer> {
    return this.steps.passwordStep(body);
  }

  @Endpoint('auth.login.totp')
  @HttpCode(200)
  secondFactor(@Body(new ZodPipe(loginTotpStepSchema)) body: LoginTotpStep): Promise<LoginAnswer> {
    return this.steps.totpStep(body);
  }

  @Endpoint('auth.totp.setup')
  @HttpCode(200)
  setup(@CurrentUser() user: AuthUser): Promise<TotpEnrolment> {
    return this.totp.setup(user);
  }

  @Endpoint('auth.totp.confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(totpCodeRequestSchema)) body: TotpCodeRequest,
  ): Promise<RecoveryCodesResponse> {
    return this.totp.confirm(user, body.code);
  }

  @Endpoint('auth.totp.disable')
  @HttpCode(204)
  disable(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(totpCodeRequestSchema)) body: TotpCodeRequest,
  ): Promise<void> {
    return this.totp.disable(user, body.code);
  }

  @Endpoint('audit.list')
  async auditList(@Query(new ZodPipe(auditListQuerySchema)) q: AuditListQuery): Promise<AuditListResponse> {
    return { items: await this.auditLog.list(this.db.pool, q) };
  }
}
