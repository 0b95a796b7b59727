import { Inject, Injectable } from '@nestjs/common';
import { type RecoveryCodesResponse, type TotpEnrolment } from '@fengqiao/contracts';
import { type UserRow, UsersRepository } from '@fengqiao/db';
import { AuditService } from '../audit/audit.service';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database, type Queryable } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { SecondFactorService } from './second-factor.service';

const wrongCode = (): ApiError =>
  new ApiError('VALIDATION_FAILED', 'wrong or already used code', [{ path: 'code', message: 'wrong code' }]);

/** A signed-in user's own second factor: optional for most roles, required for administrators. */
@Injectable()
export class SelfTotpService {
  constructor(
    private readonly db: Database,
    private readonly accounts: UsersRepository,
    private readonly factor: SecondFactorService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async setup(user: AuthUser): Promise<TotpEnrolment> {
    return this.factor.startEnrolment(this.db.pool, await this.account(this.db.pool, user));
  }

  async confirm(user: AuthUser, code: string): Promise<RecoveryCodesResponse> {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const codes = await this.factor.confirmEnrolment(tx, await this.account(tx, user), code, now);
      if (codes === null) throw wrongCode();
      await this.record(tx, user, 'user.totp-enrolled', now);
      return { recoveryCodes: codes };
    });
  }

  async disable(user: AuthUser, code: string): Promise<void> {
    if (this.factor.required(user.role))
      throw new ApiError('FORBIDDEN', 'your role must sign in with a second factor');
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      if ((await this.factor.verify(tx, await this.account(tx, user), code, now)) === null) throw wrongCode();
      await this.accounts.clearTotp(tx, user.userId, now);
      await this.record(tx, user, 'user.totp-disabled', now);
    });
  }

  private async account(db: Queryable, user: AuthUser): Promise<UserRow> {
    const row = await this.accounts.find(db, user.userId);
    if (row === undefined || row.disabled) throw new ApiError('UNAUTHENTICATED', 'user no longer active');
    return row;
  }

  private async record(tx: Queryable, user: AuthUser, action: string, now: Date): Promise<void> {
    await this.audit.record(tx, {
      occurredAt: now,
      actorUserId: user.userId,
      actorRole: user.role,
      action,
      targetType: 'user',
      targetId: user.userId,
      detail: { username: user.username },
    });
  }
}
