import { Injectable } from '@nestjs/common';
import { type CaseIntakeResponse } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';

export interface IntakeKeyRow {
  readonly request_digest: string;
  readonly response: CaseIntakeResponse;
}

/** `case_intake_keys`: the first answer to each (user, Idempotency-Key). */
@Injectable()
export class CaseIntakeKeysRepository {
  /** Serializes requests with the same key (held until the transaction ends). */
  async lock(tx: Queryable, userId: string, key: string): Promise<void> {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('case-intake:' || $1 || ':' || $2, 0))", [
      userId,
      key,
    ]);
  }

  async find(tx: Queryable, userId: string, key: string): Promise<IntakeKeyRow | undefined> {
    const res = await tx.query<IntakeKeyRow>(
      'SELECT request_digest, response FROM case_intake_keys WHERE user_id = $1 AND idempotency_key = $2',
      [userId, key],
    );
    return res.rows[0];
  }

  async insert(
    tx: Queryable,
    row: { userId: string; key: string; digest: string; response: CaseIntakeResponse },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO case_intake_keys (user_id, idempotency_key, request_digest, case_id, response)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.userId, row.key, row.digest, row.response.caseId, JSON.stringify(row.response)],
    );
  }
}
