import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { TOTP_REQUIRED_ROLES, type TotpEnrolment, type UserRole } from '@fengqiao/contracts';
import { type UserRow, UsersRepository } from '@fengqiao/db';
import { type ApiOptions } from '../infra/api-options';
import { type Queryable } from '../infra/database';
import { API_OPTIONS, CONFIG } from '../infra/tokens';
import { deriveKey, digestCode, newRecoveryCodes, open, seal } from './account-crypto';
import { base32Encode, matchTotp, otpauthUri } from './totp';

const ISSUER = '枫桥';

/** The TOTP factor of one account: enrolment, codes (each step once), recovery codes (each once). */
@Injectable()
export class SecondFactorService {
  private readonly secretKey: Buffer;
  readonly challengeKey: Buffer;

  constructor(
    private readonly accounts: UsersRepository,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {
    this.secretKey = deriveKey(config.api.jwtSecret, 'totp-secret');
    this.challengeKey = deriveKey(config.api.jwtSecret, 'login-challenge');
  }

  /** Required for administrators wherever the API requires it: always in production. */
  required(role: UserRole): boolean {
    const enforced = this.options.adminTotpRequired ?? this.config.mode === 'production';
    return enforced && TOTP_REQUIRED_ROLES.includes(role);
  }

  /** A new secret, pending until a code from the app confirms it (the current factor stays until then). */
  async startEnrolment(db: Queryable, account: UserRow): Promise<TotpEnrolment> {
    const secret = randomBytes(20);
    await this.accounts.setPendingTotp(db, account.user_id, seal(this.secretKey, secret));
    const encoded = base32Encode(secret);
    return { secret: encoded, otpauthUri: otpauthUri(ISSUER, account.username, encoded) };
  }

  /** Confirms the pending secret with a code; answers the new recovery codes, or null for a wrong code. */
  async confirmEnrolment(db: Queryable, account: UserRow, code: string, now: Date): Promise<string[] | null> {
    if (account.totp_pending_secret === null) return null;
    const key = open(this.secretKey, account.totp_pending_secret);
    const step = matchTotp(key, code, now.getTime() / 1000, null);
    if (step === null || !(await this.accounts.enableTotp(db, account.user_id, step, now))) return null;
    const codes = newRecoveryCodes();
    await this.accounts.replaceRecoveryCodes(db, account.user_id, codes.map(digestCode), now);
    return codes;
  }

  /** A code from the app (each time step once) or an unused recovery code. */
  async verify(
    db: Queryable,
    account: UserRow,
    code: string,
    now: Date,
  ): Promise<'totp' | 'recovery' | null> {
    if (account.totp_secret === null) return null;
    if (code.includes('-'))
      return (await this.accounts.useRecoveryCode(db, account.user_id, digestCode(code), now))
        ? 'recovery'
        : null;
    const last = account.totp_last_step === null ? null : Number(account.totp_last_step);
    const step = matchTotp(open(this.secretKey, account.totp_secret), code, now.getTime() / 1000, last);
    return step !== null && (await this.accounts.claimStep(db, account.user_id, step)) ? 'totp' : null;
  }
}
