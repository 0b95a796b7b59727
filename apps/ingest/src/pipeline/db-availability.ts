import { isTransientDbError, type DbPool } from '@fengqiao/db';

/**
 * Tracks whether the database takes writes. On the first failure it pauses consumption (so nothing
 * more piles up in memory) and probes until the database answers, then resumes: by itself, even if
 * the batch that noticed the outage was abandoned in a rebalance meanwhile.
 */
export class DbAvailability {
  private down = false;
  private probe: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: DbPool,
    private readonly hooks: { pause(): void; resume(): void; onChange(available: boolean): void },
    /** config.tuning.ingest.dbProbeEveryMs */
    private readonly probeEveryMs = 1000,
  ) {}

  isAvailable(): boolean {
    return !this.down;
  }

  markDown(): void {
    if (this.down) return;
    this.down = true;
    this.hooks.pause();
    this.hooks.onChange(false);
    this.probe = setInterval(() => void this.check(), this.probeEveryMs);
  }

  markUp(): void {
    if (!this.down) return;
    this.down = false;
    clearInterval(this.probe);
    this.probe = undefined;
    this.hooks.resume();
    this.hooks.onChange(true);
  }

  stop(): void {
    clearInterval(this.probe);
  }

  private async check(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
      this.markUp();
    } catch {
      // still unreachable: the next probe tries again
    }
  }
}

/**
 * Runs `work` until it succeeds, waiting out transient database errors with capped backoff while
 * keeping the consumer's group membership alive. Gives up when the batch is no longer ours.
 */
export async function retryWhileDbDown<T>(
  work: () => Promise<T>,
  availability: DbAvailability,
  batch: { keepAlive(): Promise<void>; isActive(): boolean },
): Promise<T> {
  let delayMs = 200;
  for (;;) {
    try {
      const result = await work();
      availability.markUp();
      return result;
    } catch (err) {
      if (!isTransientDbError(err)) throw err;
      availability.markDown();
      if (!batch.isActive()) throw err;
      await batch.keepAlive();
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(delayMs * 2, 3000);
    }
  }
}
