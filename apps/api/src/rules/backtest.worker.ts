import { parentPort, workerData } from 'node:worker_threads';
import { type BacktestJob, replayJob } from './backtest-replay';

// One backtest per worker thread: the replay's CPU stays off the API's event loop.
parentPort?.postMessage(replayJob(workerData as BacktestJob));
