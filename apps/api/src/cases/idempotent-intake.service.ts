import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type CaseIntakeRequest, type CaseIntakeResponse } from '@fengqiao/contracts';
import { canonicalJson } from '../audit/audit-chain';
import { type AuthUser } from '../auth/auth-user';
import { ApiError } from '../common/api-error';
import { Database } from '../infra/database';
import { CaseIntakeKeysRepository } from './case-intake-keys.repository';
import { CaseIntakeService } from './case-intake.service';

/** Printable ASCII, 1-128 characters: a UUID or any client-made token fits. */
const KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * Intake with an `Idempotency-Key` (issue 17 #10): a retry after a timeout gets the first answer,
 * not a second case. Keys are per user. Requests with the same key wait for each other (an advisory
 * lock held through the publish), so two concurrent retries still make one case; the key is stored
 * in the transaction that answers, so a publish that failed leaves no key and may be retried.
 */
@Injectable()
export class IdempotentIntakeService {
  constructor(
    private readonly db: Database,
    private readonly keys: CaseIntakeKeysRepository,
    private readonly intake: CaseIntakeService,
  ) {}

  async intakeOnce(
    user: AuthUser,
    req: CaseIntakeRequest,
    key: string | undefined,
  ): Promise<CaseIntakeResponse> {
    if (key === undefined) return this.intake.intake(user, req);
    if (!KEY.test(key))
      throw new ApiError('VALIDATION_FAILED', 'request failed validation', [
        { path: '(header) idempotency-key', message: '1-128 printable ASCII characters' },
      ]);
    const digest = createHash('sha256').update(canonicalJson(req)).digest('hex');
    return this.db.transaction(async (tx) => {
      await this.keys.lock(tx, user.userId, key);
      const earlier = await this.keys.find(tx, user.userId, key);
      if (earlier !== undefined) {
        if (earlier.request_digest !== digest)
          throw new ApiError(
            'IDEMPOTENCY_KEY_REUSED',
            'this Idempotency-Key was used for a different request; use a new key for a new case',
            [{ path: '(header) idempotency-key', message: 'already used with another body' }],
          );
        return earlier.response;
      }
      const response = await this.intake.intake(user, req);
      await this.keys.insert(tx, { userId: user.userId, key, digest, response });
      return response;
    });
  }
}
