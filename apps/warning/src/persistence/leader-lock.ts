import { randomUUID } from 'node:crypto';
import { type DbPool, type Queryable } from '@fengqiao/db';
import { type PoolClient as Session } from 'pg';

/** The first key of the two-key advisory lock: this service's namespace ("FQWL"). */
const NAMESPACE = 0x4651574c;
const TRY_LOCK = 'SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok';
/**
 * The lease and the token of the session that holds the lock: PostgreSQL ends the session once it
 * has been idle for the lease (its holder stopped asking), and the token names it for the fence.
 */
const LEASE = `SELECT set_config('idle_session_timeout', $1, false),
                      set_config('application_name', $2, false)`;
/** Whether the session named by the token still holds the lock, asked from any other session. */
const HELD_BY = `SELECT EXISTS (
  SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
   WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
     AND l.classid = $1::int::oid AND l.objid = hashtext($2)::oid AND a.application_name = $3
) AS held`;

export type LeadershipErrorCode = 'LEADERSHIP_LOST';

/** A write refused because this instance no longer leads (another may have taken over). */
export class LeadershipError extends Error {
  constructor(
    readonly code: LeadershipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LeadershipError';
  }
}

/**
 * The warning service's leadership: a PostgreSQL session-level advisory lock per consumer group,
 * held on one connection of the pool for as long as the instance leads. PostgreSQL releases it when
 * that session ends: the holder was SIGKILLed (the kernel closes its socket), its connection was
 * cut, or it stopped asking for longer than the lease (`idle_session_timeout` on the lock's session:
 * a SIGSTOPped or frozen holder loses it, and a standby takes over; decision 0014). The leader
 * asks every `leaderPollMs`, so the lease must be several polls long.
 *
 * A holder that resumes after losing the lock may still have a batch half-judged: every write of
 * the leader calls {@link fence} inside its transaction, which fails unless this very session (by
 * its token) still holds the lock, so nothing a deposed leader decided is stored.
 */
export class LeaderLock {
  private session: Session | undefined;
  private token: string | undefined;
  private broken = false;
  private readonly onError = (): void => {
    this.broken = true;
  };

  constructor(
    private readonly pool: DbPool,
    private readonly name: string,
    private readonly leaseMs: number,
  ) {
    if (!Number.isInteger(leaseMs) || leaseMs < 1000)
      throw new RangeError(`leader lease must be a whole number of ms >= 1000, got ${leaseMs}`);
  }

  /** Takes the lock when free; true when this instance holds it afterwards. */
  async tryAcquire(): Promise<boolean> {
    if (this.session !== undefined) return true;
    const session = await this.pool.connect();
    session.on('error', this.onError);
    try {
      const r = await session.query<{ ok: boolean }>(TRY_LOCK, [NAMESPACE, this.name]);
      if (r.rows[0]?.ok !== true) {
        session.off('error', this.onError);
        session.release();
        return false;
      }
      const token = `fq-leader-${randomUUID()}`;
      this.session = session;
      // From here on a failure destroys the session, and the lock with it.
      await session.query(LEASE, [`${this.leaseMs}ms`, token]);
      this.broken = false;
      this.token = token;
      return true;
    } catch (err) {
      this.session = undefined;
      session.off('error', this.onError);
      session.release(true);
      throw err;
    }
  }

  /** True while the session holding the lock answers; false (and forgotten) once it does not. */
  async stillHeld(): Promise<boolean> {
    const session = this.session;
    if (session === undefined) return false;
    if (!this.broken) {
      try {
        await session.query('SELECT 1');
        return true;
      } catch {
        // fall through: the session is gone, and with it the lock
      }
    }
    this.forget();
    return false;
  }

  /**
   * Inside a write's transaction (on another session): throws LEADERSHIP_LOST unless the lock is
   * still held by this instance's lock session. Called last before the commit, so what a deposed
   * leader decided after its lease ran out is rolled back, not stored beside the new leader's.
   */
  async fence(tx: Queryable): Promise<void> {
    const token = this.token;
    const held =
      token !== undefined &&
      !this.broken &&
      (await tx.query<{ held: boolean }>(HELD_BY, [NAMESPACE, this.name, token])).rows[0]?.held === true;
    if (!held)
      throw new LeadershipError(
        'LEADERSHIP_LOST',
        `${this.name}: this instance no longer holds the leader lock (its lease of ${this.leaseMs} ms ran out or its session ended)`,
      );
  }

  /** Gives the lock up (a clean stop): the next instance need not wait for anything. */
  async release(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    await session
      .query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [NAMESPACE, this.name])
      .catch(() => undefined);
    this.forget();
  }

  /** The lock's session is always destroyed (never pooled again with its lease and token). */
  private forget(): void {
    const session = this.session;
    this.session = undefined;
    this.token = undefined;
    if (session === undefined) return;
    session.off('error', this.onError);
    session.release(true);
  }
}
