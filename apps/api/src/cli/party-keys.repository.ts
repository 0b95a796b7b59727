import { type Queryable } from '../infra/database';

/** A stored party as the re-keying reads it: its place in the table, what its key is made of, the key. */
export interface StoredPartyRow {
  readonly case_id: string;
  readonly ordinal: number;
  readonly name: string;
  readonly phone: string | null;
  readonly party_key: string | null;
}

export interface PartyKeyUpdate {
  readonly caseId: string;
  readonly ordinal: number;
  readonly key: string;
}

// Keyset paging on the primary key: each batch is an index range scan, however large the table.
const BATCH_AFTER = `
SELECT case_id, ordinal, name, phone, party_key FROM case_parties
WHERE (case_id, ordinal) > ($1, $2)
ORDER BY case_id, ordinal
LIMIT $3`;

// Only rows whose key differs are written, so the row count is "changed" and a re-run writes nothing.
const SET_KEYS = `
UPDATE case_parties p SET party_key = v.key
FROM unnest($1::text[], $2::smallint[], $3::text[]) AS v(case_id, ordinal, key)
WHERE p.case_id = v.case_id AND p.ordinal = v.ordinal AND p.party_key IS DISTINCT FROM v.key`;

/** The party-key columns of case_parties, for the rekey-parties operations command. */
export class PartyKeysRepository {
  /** The next `limit` parties after (caseId, ordinal) in key order; start from ('', -1). */
  async batchAfter(
    db: Queryable,
    after: { caseId: string; ordinal: number },
    limit: number,
  ): Promise<StoredPartyRow[]> {
    const { rows } = await db.query<StoredPartyRow>(BATCH_AFTER, [after.caseId, after.ordinal, limit]);
    return rows;
  }

  /** Sets the keys that differ; answers how many rows changed. */
  async setKeys(db: Queryable, updates: readonly PartyKeyUpdate[]): Promise<number> {
    if (updates.length === 0) return 0;
    const { rowCount } = await db.query(SET_KEYS, [
      updates.map((u) => u.caseId),
      updates.map((u) => u.ordinal),
      updates.map((u) => u.key),
    ]);
    return rowCount ?? 0;
  }
}
