import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { ReportGenerator } from './generator/report-generator';
import { PdfRenderer } from './pdf/pdf-renderer';
import { ReportRequestWorker } from './requests/request-worker';
import { ReportScheduler } from './schedule/report-scheduler';

// --once: make what is due and exit (cron-style deployments, and trying it out by hand).
// --requests-only: serve on-demand requests without the scheduler (browser specs on a small world).
const { values: flags } = parseArgs({
  options: {
    once: { type: 'boolean', default: false },
    'requests-only': { type: 'boolean', default: false },
  },
});

function log(level: 'info' | 'error', message: string, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, component: 'reports', message, ...extra })}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.postgres.url, { max: 4, applicationName: 'fengqiao-reports' });
  const pdf = new PdfRenderer();
  const generator = new ReportGenerator({ pool, pdf });
  // Ten minutes: a period that ends at Beijing midnight is reported within ten minutes of it.
  const scheduler = new ReportScheduler(pool, generator, Date.now, log, {
    intervalMs: 10 * 60_000,
    logEvery: 50,
  });
  const worker = new ReportRequestWorker(pool, generator, Date.now, log);
  let closing: Promise<void> | null = null;
  // Idempotent: a signal during a --once run and the run's own end both close.
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await Promise.all([scheduler.stop(), worker.stop()]);
      await pdf.close();
      await pool.end();
    })());
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        log('error', 'unclean stop', { error: err instanceof Error ? err.message : String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  if (flags.once) {
    await scheduler.runOnce().finally(close);
    return;
  }
  if (!flags['requests-only']) scheduler.start();
  worker.start();
  log('info', 'started', { mode: config.mode, scheduler: !flags['requests-only'] });
}

main().catch((err: unknown) => {
  log('error', 'failed to start', { error: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
