import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';

export interface BackoffRow {
  readonly failures: number;
  readonly blocked_until: Date | null;
}

/** `login_backoff`: consecutive failed logins per submitted username, shared by all instances. */
@Injectable()
export class LoginBackoffRepository {
  async find(db: Queryable, username: string): Promise<BackoffRow | undefined> {
    const res = await db.query<BackoffRow>(
      'SELECT failures, blocked_until FROM login_backoff WHERE username = $1',
      [username],
    );
    return res.rows[0];
  }

  /** Counts one failure (afresh when the last one is older than `forgetMs`); returns the count. */
  async recordFailure(db: Queryable, username: string, now: Date, forgetMs: number): Promise<number> {
    const res = await db.query<{ failures: number }>(
      `INSERT INTO login_backoff AS b (username, failures, last_failed_at) VALUES ($1, 1, $2)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN b.last_failed_at < $2::timestamptz - make_interval(secs => $3 / 1000.0)
                         THEN 1 ELSE b.failures + 1 END,
         last_failed_at = $2
       RETURNING failures`,
      [username, now, forgetMs],
    );
    return res.rows[0]?.failures ?? 1;
  }

  async block(db: Queryable, username: string, until: Date): Promise<void> {
    await db.query(
      'UPDATE login_backoff SET blocked_until = greatest(blocked_until, $2) WHERE username = $1',
      [username, until],
    );
  }

  async clear(db: Queryable, username: string): Promise<void> {
    await db.query('DELETE FROM login_backoff WHERE username = $1', [username]);
  }
}
