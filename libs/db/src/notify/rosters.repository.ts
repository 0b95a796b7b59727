import { type Queryable } from '../transaction';

export interface RosterRow {
  readonly region_code: string;
  readonly shift: 'day' | 'night';
  readonly weekday: number;
  readonly primary_user_id: string;
  readonly backup_user_id: string | null;
  readonly updated_at: Date;
  readonly updated_by: string;
}

export interface RosterExceptionRow {
  readonly region_code: string;
  readonly shift: 'day' | 'night';
  /** `YYYY-MM-DD` (the column is read as text). */
  readonly on_date: string;
  readonly primary_user_id: string;
  readonly backup_user_id: string | null;
  readonly reason: string;
}

export interface PersonRow {
  readonly user_id: string;
  readonly display_name: string;
  readonly username: string;
}

const EXCEPTION_COLUMNS = `region_code, shift, to_char(on_date, 'YYYY-MM-DD') AS on_date, primary_user_id,
  backup_user_id, reason`;

/** The one owner of `duty_rosters` and `duty_roster_exceptions`, one statement per method. */
export class RostersRepository {
  /** Patterns of the given regions (null: all). */
  async patterns(db: Queryable, regions: readonly string[] | null): Promise<RosterRow[]> {
    const res = await db.query<RosterRow>(
      `SELECT * FROM duty_rosters WHERE $1::text[] IS NULL OR region_code = ANY($1)
       ORDER BY region_code, shift, weekday`,
      [regions],
    );
    return res.rows;
  }

  /** Exceptions from `fromDate` on (the shift holding "now" may have started the day before). */
  async exceptions(
    db: Queryable,
    regions: readonly string[] | null,
    fromDate: string,
  ): Promise<RosterExceptionRow[]> {
    const res = await db.query<RosterExceptionRow>(
      `SELECT ${EXCEPTION_COLUMNS} FROM duty_roster_exceptions
       WHERE ($1::text[] IS NULL OR region_code = ANY($1)) AND on_date >= $2::date
       ORDER BY on_date, region_code, shift`,
      [regions, fromDate],
    );
    return res.rows;
  }

  /** Sets the holder of each given weekday of a region's shift (replacing what was there). */
  async setPattern(
    tx: Queryable,
    p: {
      regionCode: string;
      shift: string;
      weekdays: readonly number[];
      primary: string;
      backup: string | null;
    },
    at: Date,
    by: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO duty_rosters (region_code, shift, weekday, primary_user_id, backup_user_id, updated_at, updated_by)
       SELECT $1, $2, d, $4, $5, $6, $7 FROM unnest($3::smallint[]) AS d
       ON CONFLICT (region_code, shift, weekday) DO UPDATE SET primary_user_id = EXCLUDED.primary_user_id,
         backup_user_id = EXCLUDED.backup_user_id, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [p.regionCode, p.shift, p.weekdays, p.primary, p.backup, at, by],
    );
  }

  /** Removes the given weekdays of a region's shift from the pattern; the number removed. */
  async clearPattern(
    tx: Queryable,
    regionCode: string,
    shift: string,
    weekdays: readonly number[],
  ): Promise<number> {
    const res = await tx.query(
      'DELETE FROM duty_rosters WHERE region_code = $1 AND shift = $2 AND weekday = ANY($3::smallint[])',
      [regionCode, shift, weekdays],
    );
    return res.rowCount ?? 0;
  }

  async setException(
    tx: Queryable,
    e: {
      regionCode: string;
      shift: string;
      date: string;
      primary: string;
      backup: string | null;
      reason: string;
    },
    at: Date,
    by: string,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO duty_roster_exceptions (region_code, shift, on_date, primary_user_id, backup_user_id, reason,
         updated_at, updated_by)
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8)
       ON CONFLICT (region_code, shift, on_date) DO UPDATE SET primary_user_id = EXCLUDED.primary_user_id,
         backup_user_id = EXCLUDED.backup_user_id, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at,
         updated_by = EXCLUDED.updated_by`,
      [e.regionCode, e.shift, e.date, e.primary, e.backup, e.reason, at, by],
    );
  }

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
