import { type DbPool } from '@fengqiao/db';
import { cityDateOf, lastCompletedPeriod } from '@fengqiao/domain';
import { type ReportGenerator } from '../generator/report-generator';
import { dueReports } from './due-reports';
import { TargetsRepository } from './targets.repository';
import { ReportsRepository } from '@fengqiao/db';
import { ReportError, type ReportTarget } from '@fengqiao/reports';

export type Log = (level: 'info' | 'error', message: string, extra?: Record<string, unknown>) => void;

export interface RunSummary {
  readonly due: number;
  readonly generated: number;
  readonly skipped: number;
  readonly failed: number;
}

export interface SchedulerOptions {
  /** Between two runs; a run makes whatever became due since the last one. */
  readonly intervalMs: number;
  /** Progress is logged every this many reports (and for every city and county report). */
  readonly logEvery: number;
  /** The quarterly township assessment, made first in a run once its quarter has ended. */
  readonly quarterly?: { runOnce(): Promise<boolean> };
}

const describe = (t: ReportTarget): Record<string, string> => ({
  reportLevel: t.level,
  region: t.region,
  period: t.period.label,
});

/**
 * Makes the due reports one after another (the 2-core hosts share Chromium with everything else).
 * Idempotent: a report already stored is skipped without loading anything, so a restart resumes
 * where the previous process stopped.
 */
export class ReportScheduler {
  private readonly targets = new TargetsRepository();
  private readonly reports = new ReportsRepository();
  private stopping = false;
  private running: Promise<void> | null = null;
  private current: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly pool: DbPool,
    private readonly generator: ReportGenerator,
    private readonly clock: () => number,
    private readonly log: Log,
    private readonly options: SchedulerOptions,
  ) {}

  /** Everything due on today's Beijing date. */
  async due(): Promise<ReportTarget[]> {
    const today = cityDateOf(this.clock());
    const day = lastCompletedPeriod('day', today).start;
    const [counties, townships, villages, grids] = await Promise.all([
      this.targets.regionsAt(this.pool, 'county'),
      this.targets.regionsAt(this.pool, 'township'),
      this.targets.activeOn(this.pool, 'village', day),
      this.targets.activeOn(this.pool, 'grid', day),
    ]);
    return dueReports(today, { counties, townships, villages, grids });
  }

  /** Makes everything due now; `stop()` waits for it, so a signal never cuts a report in half. */
  async runOnce(): Promise<RunSummary> {
    const run = this.runAll();
    this.current = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async runAll(): Promise<RunSummary> {
    await this.options.quarterly?.runOnce().catch((err: unknown) => {
      const error = err instanceof Error ? err.message : String(err);
      this.log('error', 'assessment failed', { code: 'GENERATION_FAILED', error });
    });
    const due = await this.due();
    const tally = { due: due.length, generated: 0, skipped: 0, failed: 0 };
    this.log('info', 'run started', { due: due.length });
    for (const [i, t] of due.entries()) {
      if (this.stopping) break;
      await this.one(t, tally);
      if ((i + 1) % this.options.logEvery === 0) this.log('info', 'progress', { done: i + 1, ...tally });
    }
    this.log('info', 'run finished', tally);
    return tally;
  }

  private async one(
    t: ReportTarget,
    tally: { generated: number; skipped: number; failed: number },
  ): Promise<void> {
    try {
      if (await this.reports.exists(this.pool, t.level, t.region, t.period.kind, t.period.start)) {
        tally.skipped++;
        return;
      }
      const { metadata, timings } = await this.generator.generate(t, 'scheduled');
      if (metadata === null) tally.skipped++;
      else tally.generated++;
      if (t.level === 'city' || t.level === 'county')
        this.log('info', 'report generated', { ...describe(t), ...timings });
    } catch (err) {
      tally.failed++;
      const code = err instanceof ReportError ? err.code : 'GENERATION_FAILED';
      this.log('error', 'report failed', {
        ...describe(t),
        code,
        error: err instanceof Error ? err.message : String(err),
      });
    }
  }

  /** Runs now and then every interval until stopped. */
  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    await this.current;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runOnce();
      } catch (err) {
        this.log('error', 'run failed', { error: err instanceof Error ? err.message : String(err) });
      }
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.intervalMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
