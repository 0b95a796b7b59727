import { type LabelMatcher, type Silence, type SilenceView } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

const COLUMNS = `silence_id, matchers, starts_at, ends_at, allow_red, created_by, created_role, comment, expired_at`;

export interface SilenceRow {
  readonly silence_id: string;
  readonly matchers: LabelMatcher[];
  readonly starts_at: Date;
  readonly ends_at: Date;
  readonly allow_red: boolean;
  readonly created_by: string;
  readonly created_role: string;
  readonly comment: string;
  readonly expired_at: Date | null;
}

export interface NewSilence {
  readonly id: string;
  readonly matchers: readonly LabelMatcher[];
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly allowRed: boolean;
  readonly by: string;
  readonly role: string;
  readonly comment: string;
  readonly at: Date;
}

/** A stored silence as the API shows it (active: live now). */
export function silenceViewOf(r: SilenceRow, now: Date): SilenceView {
  return {
    id: r.silence_id,
    matchers: r.matchers,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    allowRed: r.allow_red,
    createdBy: r.created_by,
    comment: r.comment,
    expiredAt: r.expired_at?.toISOString() ?? null,
    active: r.expired_at === null && r.starts_at <= now && r.ends_at > now,
  };
}

/**
 * The silences table, one query per method: officers create and expire silences through the API,
 * the warning engine reads the live ones on each tick.
 */
export class SilencesRepository {
  async insert(tx: Queryable, s: NewSilence): Promise<SilenceRow> {
    const r = await tx.query<SilenceRow>(
      `INSERT INTO silences (silence_id, matchers, starts_at, ends_at, allow_red, created_by, created_role, comment, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [s.id, JSON.stringify(s.matchers), s.startsAt, s.endsAt, s.allowRed, s.by, s.role, s.comment, s.at],
    );
    const row = r.rows[0];
    if (row === undefined) throw new Error('INSERT ... RETURNING gave no row');
    return row;
  }

  /** Not expired and not over (`all`: every silence, newest first). */
  async list(db: Queryable, include: 'active' | 'all', now: Date): Promise<SilenceRow[]> {
    const where = include === 'all' ? '' : 'WHERE expired_at IS NULL AND ends_at > $1';
    const r = await db.query<SilenceRow>(
      `SELECT ${COLUMNS} FROM silences ${where} ORDER BY created_at DESC LIMIT 500`,
      include === 'all' ? [] : [now],
    );
    return r.rows;
  }

  async find(db: Queryable, id: string): Promise<SilenceRow | undefined> {
    const r = await db.query<SilenceRow>(`SELECT ${COLUMNS} FROM silences WHERE silence_id = $1 FOR UPDATE`, [
      id,
    ]);
    return r.rows[0];
  }

  async expire(tx: Queryable, id: string, by: string, at: Date): Promise<SilenceRow | undefined> {
    const r = await tx.query<SilenceRow>(
      `UPDATE silences SET expired_at = $3, expired_by = $2 WHERE silence_id = $1 AND expired_at IS NULL
       RETURNING ${COLUMNS}`,
      [id, by, at],
    );
    return r.rows[0];
  }

  /** Silences that have not ended or been expired; future ones too (the engine checks the window). */
  async live(db: Queryable, now: Date): Promise<Silence[]> {
    const r = await db.query<SilenceRow>(
      `SELECT ${COLUMNS} FROM silences WHERE expired_at IS NULL AND ends_at > $1
       ORDER BY created_at, silence_id LIMIT 1000`,
      [now],
    );
    return r.rows.map((s) => ({
      id: s.silence_id,
      matchers: s.matchers,
      startsAt: s.starts_at.toISOString(),
      endsAt: s.ends_at.toISOString(),
      createdBy: s.created_by,
      comment: s.comment,
      allowRed: s.allow_red,
    }));
  }
}
