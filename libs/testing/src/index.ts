export { testConfig, uniqueName } from './stack-env';
export {
  aCameraAnalytics,
  aCameraId,
  aCameraRegistered,
  aCameraStatus,
  aCaseId,
  aCaseReported,
  anInstant,
} from './factories/event.factory';
