import { type DbPool } from '@fengqiao/db';
import { type PoolClient as Session } from 'pg';

/** The first key of the two-key advisory lock: this service's namespace ("FQWL"). */
const NAMESPACE = 0x4651574c;
const TRY_LOCK = 'SELECT pg_try_advisory_lock($1::int, hashtext($2)) AS ok';

/**
 * The warning service's leadership: a PostgreSQL session-level advisory lock per consumer group,
 * held on one connection of the pool for as long as the instance leads. PostgreSQL releases it when
 * that session ends, including when the holder is SIGKILLed (the kernel closes its socket) or its
 * connection is cut; it cannot be released by anyone else. A paused holder keeps it (decision 0014).
 */
export class LeaderLock {
  private session: Session | undefined;
  private broken = false;
  private readonly onError = (): void => {
    this.broken = true;
  };

  constructor(
    private readonly pool: DbPool,
    private readonly name: string,
  ) {}

  /** Takes the lock when free; true when this instance holds it afterwards. */
  async tryAcquire(): Promise<boolean> {
    if (this.session !== undefined) return true;
    const session = await this.pool.connect();
    session.on('error', this.onError);
    try {
      const r = await session.query<{ ok: boolean }>(TRY_LOCK, [NAMESPACE, this.name]);
      if (r.rows[0]?.ok === true) {
        this.broken = false;
        this.session = session;
        return true;
      }
      session.off('error', this.onError);
      session.release();
      return false;
    } catch (err) {
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
    this.forget(true);
    return false;
  }

  /** Gives the lock up (a clean stop): the next instance need not wait for anything. */
  async release(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    try {
      await session.query('SELECT pg_advisory_unlock($1::int, hashtext($2))', [NAMESPACE, this.name]);
      this.forget(false);
    } catch {
      this.forget(true);
    }
  }

  private forget(destroy: boolean): void {
    const session = this.session;
    this.session = undefined;
    if (session === undefined) return;
    session.off('error', this.onError);
    // A destroyed session ends on the server too, so the lock cannot outlive it.
    session.release(destroy ? true : undefined);
  }
}
