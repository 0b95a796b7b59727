import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError } from '../common/api-error';
import { type BacktestJob, type BacktestOutcome } from './backtest-replay';

/**
 * Runs a replay in its own worker thread, so the API keeps serving (and its live streams keep
 * ticking) during a 31-day backtest. The worker loads TypeScript through the same register hook
 * the API process uses.
 */
export function replayInWorker(job: BacktestJob): Promise<BacktestOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'backtest.worker.ts'), {
      workerData: job,
      execArgv: ['-r', '@swc-node/register'],
    });
    worker.once('message', (out: BacktestOutcome) => resolve(out));
    worker.once('error', (err) => reject(new ApiError('INTERNAL', `backtest worker failed: ${err.message}`)));
    worker.once('exit', (code) => {
      if (code !== 0) reject(new ApiError('INTERNAL', `backtest worker exited with ${code}`));
    });
  });
}
