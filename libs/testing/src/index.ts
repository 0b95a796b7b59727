export { testConfig, uniqueName } from './stack-env';
export { CHROMIUM_PATH, launchChromium, type LaunchedBrowser } from './browser';
export { freePort, startProcess, type RunningProcess } from './app-process';
export {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseId,
  aCaseReported,
  anInstant,
} from './factories/event.factory';
export {
  addRollupCounts,
  clearRollupCounts,
  seedRollupCells,
  setRollupCount,
  type RollupCount,
} from './factories/rollup.factory';
export { pollUntil } from './poll';
export { TcpProxy } from './tcp-proxy';
export { ManagedProcess, type ManagedProcessSpec, type Readiness } from './faults/managed-process';
export {
  FaultLedger,
  formatLedger,
  outcomeProblems,
  type EventTable,
  type ExpectedDeadLetter,
  type FaultOutcome,
} from './faults/fault-ledger';
