import { type Queryable } from '../transaction';

export interface PersonRow {
  readonly user_id: string;
  readonly display_name: string;
  readonly username: string;
}

/**
 * The people and places a roster names (`users`, `regions`, read only). The roster itself is a
 * versioned document (`duty_roster_versions`: `DUTY_ROSTERS_TABLE`, `reviseActive`, `ActiveVersionCache`).
 */
export class RostersRepository {
  /** Who may hold a shift: enabled duty officers and administrators. */
  async dutyCandidates(db: Queryable): Promise<PersonRow[]> {
    const res = await db.query<PersonRow>(
      `SELECT user_id, display_name, username FROM users
       WHERE role IN ('duty-officer', 'admin') AND NOT disabled ORDER BY display_name, username`,
    );
    return res.rows;
  }

  /** Display names of region codes (read from the seeded regions table). */
  async regionNames(db: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const res = await db.query<{ code: string; name: string }>(
      'SELECT code, name FROM regions WHERE code = ANY($1)',
      [codes],
    );
    return new Map(res.rows.map((r) => [r.code, r.name]));
  }

  /** Display names of the given users (for rosters and notification history). */
  async people(db: Queryable, userIds: readonly string[]): Promise<PersonRow[]> {
    if (userIds.length === 0) return [];
    const res = await db.query<PersonRow>(
      'SELECT user_id, display_name, username FROM users WHERE user_id = ANY($1::uuid[])',
      [userIds],
    );
    return res.rows;
  }
}
