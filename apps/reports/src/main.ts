import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { DbPing, createPool } from '@fengqiao/db';
import { runProcess, type StartedProcess } from '@fengqiao/process';
import { QuarterlyAssessment } from './assessment/quarterly-assessment';
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

const config = loadConfig();

function start(): Promise<StartedProcess> {
  const pool = createPool(config.postgres.url, {
    max: 4,
    applicationName: 'fengqiao-reports',
    tuning: config.tuning.db,
  });
  const pdf = new PdfRenderer();
  const generator = new ReportGenerator({ pool, pdf, city: config.city });
  const scheduler = new ReportScheduler(pool, generator, Date.now, log, {
    intervalMs: config.tuning.reports.scheduleIntervalMs,
    logEvery: 50,
    quarterly: new QuarterlyAssessment(pool, Date.now, log),
  });
  const worker = new ReportRequestWorker(pool, generator, Date.now, log);
  // In order: no new work, then the browser the work used, then the connections.
  const stops = [
    {
      name: 'scheduler and worker',
      stop: () => Promise.all([scheduler.stop(), worker.stop()]).then(() => undefined),
    },
    { name: 'pdf', stop: () => pdf.close() },
    { name: 'database', stop: () => pool.end() },
  ];
  if (flags.once)
    return Promise.resolve({ stops, done: scheduler.runOnce().then(() => undefined), info: { once: true } });
  if (!flags['requests-only']) scheduler.start();
  worker.start();
  const ping = new DbPing(pool, config.tuning.health.dbTimeoutMs);
  return Promise.resolve({
    stops,
    checks: [{ name: 'database', check: () => ping.check() }],
    info: { mode: config.mode, scheduler: !flags['requests-only'] },
  });
}

void runProcess({
  name: 'reports',
  shutdownDeadlineMs: config.tuning.health.shutdownDeadlineMs,
  // Not for a --once run: it ends by itself and another may run beside the service.
  health: flags.once
    ? undefined
    : { host: config.host, port: config.reports.port, checkTimeoutMs: 2 * config.tuning.health.dbTimeoutMs },
  start,
});
