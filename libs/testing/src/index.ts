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
