import { type LeaderLock } from '../persistence/leader-lock';

/** What an instance does when it becomes the leader and when it stops being one. */
export interface LeaderTerm {
  /** Rebuild from the database, then consume; throws when it cannot (the lock is given back). */
  lead(): Promise<void>;
  /**
   * Stop consuming and forget the state; must not throw. `final` when the instance stops for good
   * (a clean stop, the lock still held until this returns): the term may withdraw what it published.
   */
  stepDown(final: boolean): Promise<void>;
  /** False when the term's consumer died for good (it crashed without restarting itself). */
  alive(): boolean;
}

export type LeaderRole = 'standby' | 'leader' | 'stopped';

export interface LeadershipEvent {
  readonly kind: 'leading' | 'leadership-lost' | 'leadership-error' | 'consumer-died';
  /** leading: from taking the lock to consuming (rebuild and group join included). */
  readonly tookMs?: number;
  readonly error?: string;
}

/**
 * One leader per consumer group, the others hot standbys (decision 0014): a standby tries the lock
 * every `pollMs`; the leader checks every `pollMs` that its lock session still answers and steps
 * down at once when it does not (a database cut ends the session, so another instance may lead).
 */
export class Leadership {
  private role: LeaderRole = 'standby';
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly lock: Pick<LeaderLock, 'tryAcquire' | 'stillHeld' | 'release'>,
    private readonly term: LeaderTerm,
    private readonly pollMs: number,
    private readonly report: (e: LeadershipEvent) => void,
  ) {}

  get current(): LeaderRole {
    return this.role;
  }

  /** Makes a first attempt (its errors are the caller's: a start that cannot reach the database), then polls. */
  async start(): Promise<void> {
    this.running = true;
    await this.attempt();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    if (this.role === 'leader') await this.term.stepDown(true);
    await this.lock.release();
    this.role = 'stopped';
  }

  private async run(): Promise<void> {
    while (this.running) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.pollMs);
      });
      if (!this.running) return;
      await this.attempt().catch((err: unknown) =>
        this.report({ kind: 'leadership-error', error: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  private async attempt(): Promise<void> {
    if (this.role === 'leader') {
      if (!(await this.lock.stillHeld())) {
        this.role = 'standby';
        this.report({ kind: 'leadership-lost' });
        await this.term.stepDown(false);
        return;
      }
      if (this.term.alive()) return;
      // Still the leader, but nothing consumes: a new term (rebuild, new consumer) under the same lock.
      this.role = 'standby';
      this.report({ kind: 'consumer-died' });
      await this.term.stepDown(false);
    } else if (!(await this.lock.tryAcquire())) return;
    const since = Date.now();
    try {
      await this.term.lead();
    } catch (err) {
      await this.term.stepDown(false);
      await this.lock.release();
      throw err;
    }
    this.role = 'leader';
    this.report({ kind: 'leading', tookMs: Date.now() - since });
  }
}
