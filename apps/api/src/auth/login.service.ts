import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type LoginAnswer, type LoginRequest } from '@fengqiao/contracts';
import { UsersRepository } from '@fengqiao/db';
import { LoginStepsService } from '../accounts/login-steps.service';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { backoffSeconds, secondsLeft } from './login-backoff';
import { LoginBackoffRepository } from './login-backoff.repository';
import { DUMMY_HASH, verifyPassword } from './password-hasher';

const waitMessage = (seconds: number): string =>
  `too many failed logins for this account: retry in ${seconds} s`;

/** Username and password for tokens, behind the per-account back-off (login-backoff.ts). */
@Injectable()
export class LoginService {
  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly backoff: LoginBackoffRepository,
    private readonly steps: LoginStepsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  /**
   * One answer for unknown user, wrong password and disabled account, and the same back-off for
   * all of them (it is keyed by the name asked for), so a caller cannot tell which names exist;
   * unknown names still pay for a hash so timing does not tell either. While an account waits, even
   * its right password is refused with LOGIN_THROTTLED and how long to wait.
   */
  async login(request: LoginRequest): Promise<LoginAnswer> {
    const now = this.clock.now();
    const username = request.username.toLowerCase();
    const state = await this.backoff.find(this.db.pool, username);
    const wait = secondsLeft(state?.blocked_until ?? null, now);
    if (wait > 0) throw new ApiError('LOGIN_THROTTLED', waitMessage(wait), undefined, wait);
    const user = await this.users.findByUsername(this.db.pool, username);
    const ok = await verifyPassword(request.password, user?.password_hash ?? DUMMY_HASH);
    if (user === undefined || user.disabled || !ok) throw await this.failed(username, now);
    if (state !== undefined) await this.backoff.clear(this.db.pool, username);
    // Tokens, or the next step: a new password after a reset, the second factor (issue 16).
    return this.steps.afterPassword(user.user_id, now);
  }

  private async failed(username: string, now: Date): Promise<ApiError> {
    const policy = this.config.tuning.api.loginBackoff;
    const failures = await this.backoff.recordFailure(this.db.pool, username, now, policy.forgetAfterMs);
    const wait = backoffSeconds(failures, policy);
    if (wait > 0) await this.backoff.block(this.db.pool, username, new Date(now.getTime() + wait * 1000));
    const message =
      wait > 0
        ? `invalid credentials; ${waitMessage(wait)}`
        : 'invalid credentials, or the account is disabled';
    return new ApiError('INVALID_CREDENTIALS', message, undefined, wait > 0 ? wait : undefined);
  }
}
