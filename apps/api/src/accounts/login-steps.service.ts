import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import {
  passwordProblems,
  type LoginAnswer,
  type LoginPasswordStep,
  type LoginStep,
  type LoginTotpStep,
} from '@fengqiao/contracts';
import { type UserRow, UsersRepository } from '@fengqiao/db';
import { AuditService } from '../audit/audit.service';
import { AuthService, toSessionUser } from '../auth/auth.service';
import { LoginBackoffRepository } from '../auth/login-backoff.repository';
import { backoffSeconds, secondsLeft } from '../auth/login-backoff';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { passwordStamp, signChallenge, verifyChallenge } from './login-challenge';
import { SecondFactorService } from './second-factor.service';

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * The sign-in after the password (issue 16): a new password when one was reset, then the second
 * factor, or its enrolment for an administrator who has none where it is required. Each step answers
 * tokens or the next step's signed challenge. Wrong codes count in the account's login back-off.
 */
@Injectable()
export class LoginStepsService {
  constructor(
    private readonly db: Database,
    private readonly accounts: UsersRepository,
    private readonly factor: SecondFactorService,
    private readonly backoff: LoginBackoffRepository,
    private readonly sessions: AuthService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  /** The password was right: what comes next for this account. */
  async afterPassword(userId: string, now: Date): Promise<LoginAnswer> {
    const account = await this.load(userId);
    if (account.must_change_password) return this.challenge(account, 'password-change', now);
    return this.afterPasswordChange(account, now);
  }

  async passwordStep(req: LoginPasswordStep): Promise<LoginAnswer> {
    const now = this.clock.now();
    const account = await this.fromChallenge(req.challenge, ['password-change'], now);
    if (!account.must_change_password) throw this.stale();
    const problems: string[] = passwordProblems(req.newPassword, account.username);
    if (await verifyPassword(req.newPassword, account.password_hash)) problems.push('same-as-before');
    if (problems.length > 0)
      throw new ApiError('VALIDATION_FAILED', `password refused: ${problems.join(', ')}`, [
        { path: 'newPassword', message: problems.join(',') },
      ]);
    const hash = await hashPassword(req.newPassword);
    await this.db.transaction(async (tx) => {
      await this.accounts.setPassword(tx, account.user_id, hash, false, now);
      await this.record(tx, account, 'user.password-changed', now);
    });
    return this.afterPasswordChange({ ...account, password_hash: hash, must_change_password: false }, now);
  }

  async totpStep(req: LoginTotpStep): Promise<LoginAnswer> {
    const now = this.clock.now();
    const account = await this.fromChallenge(req.challenge, ['totp', 'totp-enrol'], now);
    const state = await this.backoff.find(this.db.pool, account.username);
    const wait = secondsLeft(state?.blocked_until ?? null, now);
    if (wait > 0)
      throw new ApiError('LOGIN_THROTTLED', `too many failed sign-ins: retry in ${wait} s`, undefined, wait);
    const result = await this.db.transaction(async (tx) => this.checkCode(tx, account, req.code, now));
    if (result === null) throw await this.failed(account.username, now);
    if (state !== undefined) await this.backoff.clear(this.db.pool, account.username);
    const pair = await this.sessions.startSession(toSessionUser(account), randomUUID(), now);
    return Array.isArray(result) ? { ...pair, recoveryCodes: result } : pair;
  }

  /** Enrolment answers the recovery codes; a sign-in 'totp' or 'recovery'; a wrong code null. */
  private async checkCode(
    tx: Queryable,
    account: UserRow,
    code: string,
    now: Date,
  ): Promise<string[] | 'totp' | 'recovery' | null> {
    if (account.totp_secret !== null) {
      const how = await this.factor.verify(tx, account, code, now);
      if (how === 'recovery') await this.record(tx, account, 'user.recovery-code-used', now);
      return how;
    }
    const codes = await this.factor.confirmEnrolment(tx, account, code, now);
    if (codes !== null) await this.record(tx, account, 'user.totp-enrolled', now);
    return codes;
  }

  private async afterPasswordChange(account: UserRow, now: Date): Promise<LoginAnswer> {
    if (account.totp_secret !== null) return this.challenge(account, 'totp', now);
    if (this.factor.required(account.role)) {
      const enrolment = await this.factor.startEnrolment(this.db.pool, account);
      return { ...this.challenge(account, 'totp-enrol', now), enrolment };
    }
    return this.sessions.startSession(toSessionUser(account), randomUUID(), now);
  }

  private challenge(account: UserRow, step: LoginStep, now: Date) {
    const pw = passwordStamp(this.factor.challengeKey, account.password_hash);
    const ttlSeconds = this.config.tuning.api.loginChallengeTtlSeconds;
    const challenge = signChallenge(
      this.factor.challengeKey,
      { sub: account.user_id, step, pw },
      seconds(now),
      ttlSeconds,
    );
    return { next: step, challenge, expiresIn: ttlSeconds };
  }

  private async fromChallenge(token: string, steps: readonly LoginStep[], now: Date): Promise<UserRow> {
    const claims = verifyChallenge(this.factor.challengeKey, token, steps, seconds(now));
    const account = await this.accounts.find(this.db.pool, claims.sub);
    if (account === undefined || account.disabled) throw this.stale();
    if (passwordStamp(this.factor.challengeKey, account.password_hash) !== claims.pw) throw this.stale();
    return account;
  }

  private async load(userId: string): Promise<UserRow> {
    const account = await this.accounts.find(this.db.pool, userId);
    if (account === undefined) throw this.stale();
    return account;
  }

  private stale(): ApiError {
    return new ApiError('INVALID_CREDENTIALS', 'sign-in step expired or invalid: sign in again');
  }

  private async failed(username: string, now: Date): Promise<ApiError> {
    const policy = this.config.tuning.api.loginBackoff;
    const failures = await this.backoff.recordFailure(this.db.pool, username, now, policy.forgetAfterMs);
    const wait = backoffSeconds(failures, policy);
    if (wait > 0) await this.backoff.block(this.db.pool, username, new Date(now.getTime() + wait * 1000));
    const message = wait > 0 ? `wrong code; retry in ${wait} s` : 'wrong code';
    return new ApiError('INVALID_CREDENTIALS', message, undefined, wait > 0 ? wait : undefined);
  }

  private async record(tx: Queryable, account: UserRow, action: string, now: Date): Promise<void> {
    await this.audit.record(tx, {
      occurredAt: now,
      actorUserId: account.user_id,
      actorRole: account.role,
      action,
      targetType: 'user',
      targetId: account.user_id,
      detail: { username: account.username },
    });
  }
}
