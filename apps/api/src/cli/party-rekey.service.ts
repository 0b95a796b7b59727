import { partyKeyOf } from '@fengqiao/intake';
import { type Queryable } from '../infra/database';
import { type PartyKeyUpdate, type PartyKeysRepository, type StoredPartyRow } from './party-keys.repository';

export interface RekeyProgress {
  /** Parties read so far. */
  readonly rows: number;
  /** Of those, parties whose stored key was stale (or missing) and is now rewritten. */
  readonly changed: number;
}

export interface RekeyOptions {
  readonly batchSize: number;
  /** Called after each batch (the command prints a progress line). */
  readonly onBatch?: (p: RekeyProgress) => void;
}

/** The key a stored party should have under `secret`, when it does not have it already. */
export function staleKeyUpdate(row: StoredPartyRow, secret: string): PartyKeyUpdate | null {
  const key = partyKeyOf({ name: row.name, phone: row.phone ?? undefined }, secret);
  return key === row.party_key ? null : { caseId: row.case_id, ordinal: row.ordinal, key };
}

/**
 * Recomputes every stored party's key from its stored name and phone under the current secret
 * (FQ_PARTY_KEY_SECRET): keys written as plain SHA-256 before the HMAC, under a rotated secret, or
 * never (rows backfilled without one) would otherwise never match a repeat visit again. Each batch
 * is its own statement, so an interrupted run keeps what it did and a re-run finishes the rest;
 * intake keeps running meanwhile (its new rows already carry current keys).
 */
export class PartyRekeyService {
  constructor(
    private readonly db: Queryable,
    private readonly parties: PartyKeysRepository,
    private readonly secret: string,
  ) {}

  async run(options: RekeyOptions): Promise<RekeyProgress> {
    let after = { caseId: '', ordinal: -1 };
    let progress: RekeyProgress = { rows: 0, changed: 0 };
    for (;;) {
      const batch = await this.parties.batchAfter(this.db, after, options.batchSize);
      const last = batch[batch.length - 1];
      if (last === undefined) return progress;
      const updates = batch.flatMap((row) => staleKeyUpdate(row, this.secret) ?? []);
      const changed = await this.parties.setKeys(this.db, updates);
      progress = { rows: progress.rows + batch.length, changed: progress.changed + changed };
      options.onBatch?.(progress);
      after = { caseId: last.case_id, ordinal: last.ordinal };
    }
  }
}
