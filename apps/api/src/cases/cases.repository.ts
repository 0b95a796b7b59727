import { Injectable } from '@nestjs/common';
import { AT_RISK_SHARE } from '@fengqiao/domain';
import { type Queryable } from '../infra/database';
import { type CaseEventRecord, type CasePartyRow, type CaseRow } from './case-row';

export interface CaseListFilter {
  /** The caller's regions (county or township codes, a grid worker's cells); empty = the whole city. */
  readonly scope: readonly string[];
  readonly region: string | null;
  readonly tiers: readonly string[] | null;
  readonly states: readonly string[] | null;
  readonly clocks: readonly string[] | null;
  /** Already escaped for LIKE. */
  readonly text: string | null;
  readonly now: Date;
  readonly limit: number;
  readonly offset: number;
}

/** An earlier case sharing a party key, for repeat-visit detection. */
export interface SharedPartyRow {
  readonly case_id: string;
  readonly reported_at: Date;
  readonly state: CaseRow['state'];
  readonly category: CaseRow['category'];
  readonly township: string;
  readonly village: string | null;
  readonly keys: string[];
}

// The same clock reading as readClock() of @fengqiao/domain (at risk: under AT_RISK_SHARE of the window left),
// in SQL so the list can filter and page on it.
const CLOCK_STATUS = `CASE
  WHEN c.due_at IS NULL THEN 'none'
  WHEN c.clock_stopped_at IS NOT NULL THEN CASE WHEN c.clock_stopped_at <= c.due_at THEN 'met' ELSE 'missed' END
  WHEN $7::timestamptz >= c.due_at THEN 'breached'
  WHEN (c.due_at - $7::timestamptz) < greatest(c.due_at - c.clock_started_at, interval '1 millisecond') * ${AT_RISK_SHARE}
    THEN 'at-risk'
  ELSE 'on-track' END`;

const LIST = `
SELECT c.*, count(*) OVER ()::int AS total
FROM cases c CROSS JOIN LATERAL (SELECT ${CLOCK_STATUS} AS clock_status) s
WHERE (cardinality($1::text[]) = 0 OR c.county = ANY($1) OR c.township = ANY($1) OR c.grid = ANY($1))
  AND ($2::text IS NULL OR c.county = $2 OR c.township = $2)
  AND ($3::text[] IS NULL OR c.tier = ANY($3))
  AND ($4::text[] IS NULL OR c.state = ANY($4))
  AND ($5::text[] IS NULL OR s.clock_status = ANY($5))
  AND ($6::text IS NULL OR c.case_id LIKE $6 || '%' OR c.summary LIKE '%' || $6 || '%')
ORDER BY (c.clock_stopped_at IS NULL AND c.due_at IS NOT NULL) DESC, c.due_at ASC NULLS LAST,
         c.reported_at DESC, c.case_id
LIMIT $8 OFFSET $9`;

const SHARED_PARTIES = `
SELECT c.case_id, c.reported_at, c.state, c.category, c.township, c.village,
       array_agg(DISTINCT p.party_key) AS keys
FROM case_parties p JOIN cases c USING (case_id)
WHERE p.party_key = ANY($1) AND c.township = $2 AND c.reported_at >= $3
GROUP BY c.case_id
ORDER BY c.reported_at DESC
LIMIT 50`;

const NEXT_NUMBER = `
INSERT INTO case_id_counters (county, day, last) VALUES ($1, $2, 1)
ON CONFLICT (county, day) DO UPDATE SET last = case_id_counters.last + 1
RETURNING last`;

/** The cases projection, its parties, its events and the case-id counters; one query per method. */
@Injectable()
export class CasesRepository {
  async list(db: Queryable, f: CaseListFilter): Promise<(CaseRow & { total: number })[]> {
    const { rows } = await db.query<CaseRow & { total: number }>(LIST, [
      f.scope,
      f.region,
      f.tiers,
      f.states,
      f.clocks,
      f.text,
      f.now,
      f.limit,
      f.offset,
    ]);
    return rows;
  }

  async findById(db: Queryable, caseId: string): Promise<CaseRow | undefined> {
    const { rows } = await db.query<CaseRow>('SELECT * FROM cases WHERE case_id = $1', [caseId]);
    return rows[0];
  }

  async exists(db: Queryable, caseId: string): Promise<boolean> {
    const { rowCount } = await db.query('SELECT 1 FROM case_events WHERE case_id = $1 LIMIT 1', [caseId]);
    return (rowCount ?? 0) > 0;
  }

  async events(db: Queryable, caseId: string): Promise<CaseEventRecord[]> {
    const { rows } = await db.query<CaseEventRecord>(
      `SELECT event_id, type, occurred_at, channel, payload FROM case_events
       WHERE case_id = $1 ORDER BY occurred_at, ingested_at`,
      [caseId],
    );
    return rows;
  }

  async parties(db: Queryable, caseId: string): Promise<CasePartyRow[]> {
    const { rows } = await db.query<CasePartyRow>(
      'SELECT name, phone, id_number FROM case_parties WHERE case_id = $1 ORDER BY ordinal',
      [caseId],
    );
    return rows;
  }

  async sharingParties(
    db: Queryable,
    keys: readonly string[],
    township: string,
    since: Date,
  ): Promise<SharedPartyRow[]> {
    const { rows } = await db.query<SharedPartyRow>(SHARED_PARTIES, [keys, township, since]);
    return rows;
  }

  /** The next case number of a county on a (Beijing) day. */
  async nextNumber(db: Queryable, county: string, day: string): Promise<number> {
    const { rows } = await db.query<{ last: number }>(NEXT_NUMBER, [county, day]);
    const n = rows[0]?.last;
    if (n === undefined) throw new Error('case counter returned no row');
    return n;
  }
}
