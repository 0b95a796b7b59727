import { type ReportRequestFailure } from '@fengqiao/contracts';
import { type DbPool } from '@fengqiao/db';
import { type ReportGenerator } from '../generator/report-generator';
import { type Log } from '../schedule/report-scheduler';
import { ReportRequestsRepository } from '@fengqiao/db';
import { ReportError } from '@fengqiao/reports';

export interface RequestWorkerOptions {
  /** Idle wait between two looks at the queue (decision 0006: polling, not LISTEN/NOTIFY). */
  readonly pollMs: number;
  /** A claim older than this is taken to belong to a dead worker. */
  readonly staleMs: number;
  /** Claims per request: the first, and one retry after a stale claim. */
  readonly maxAttempts: number;
}

export const DEFAULT_REQUEST_WORKER_OPTIONS: RequestWorkerOptions = {
  pollMs: 2_000,
  // A city month takes ~10 s on a loaded host; five minutes is far past any healthy run.
  staleMs: 5 * 60_000,
  maxAttempts: 2,
};

/** The failure code of an error thrown while generating (messages are cut: no payloads in rows). */
function failureOf(err: unknown): { code: ReportRequestFailure; message: string } {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]?.slice(0, 200) ?? '';
  if (err instanceof ReportError && err.code === 'REGION_UNKNOWN') return { code: 'REGION_UNKNOWN', message };
  return { code: 'GENERATION_FAILED', message };
}

/**
 * Generates queued on-demand requests one at a time: claim, generate (replacing a stored report of
 * the same key in place), mark ready or failed. A request claimed by a worker that died is claimed
 * again once its claim is stale, and failed as TIMED_OUT after the last attempt.
 */
export class ReportRequestWorker {
  private readonly requests = new ReportRequestsRepository();
  private stopping = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly pool: DbPool,
    private readonly generator: ReportGenerator,
    private readonly clock: () => number,
    private readonly log: Log,
    private readonly options: RequestWorkerOptions = DEFAULT_REQUEST_WORKER_OPTIONS,
  ) {}

  /** Handles one queued request if there is one; true when it did (the loop then looks again at once). */
  async runOne(): Promise<boolean> {
    const now = new Date(this.clock());
    const staleBefore = new Date(now.getTime() - this.options.staleMs);
    const timedOut = await this.requests.failStale(this.pool, now, staleBefore, this.options.maxAttempts);
    if (timedOut > 0) this.log('error', 'report requests timed out', { count: timedOut });
    const claim = await this.requests.claim(this.pool, now, staleBefore, this.options.maxAttempts);
    if (claim === null) return false;
    const { status, target } = claim;
    const describe = {
      request: status.id,
      reportLevel: target.level,
      region: target.region,
      period: target.period.label,
    };
    try {
      const { metadata, timings } = await this.generator.generate(target, 'on-demand');
      if (metadata === null) throw new Error('on-demand save returned no row');
      await this.requests.finish(this.pool, status, new Date(this.clock()), { reportId: metadata.id });
      this.log('info', 'report request ready', { ...describe, attempt: status.attempts, ...timings });
    } catch (err) {
      const failure = failureOf(err);
      await this.requests.finish(this.pool, status, new Date(this.clock()), failure);
      this.log('error', 'report request failed', { ...describe, code: failure.code, error: failure.message });
    }
    return true;
  }

  start(): void {
    this.running = this.loop();
  }

  /** Waits for the request being generated, so a signal never leaves one half made. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        busy = await this.runOne();
      } catch (err) {
        this.log('error', 'request poll failed', { error: err instanceof Error ? err.message : String(err) });
      }
      if (busy || this.stopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
