export { loadConfig, type FengqiaoConfig, type RuntimeMode } from './config';
export { ConfigError } from './config-error';
export { gb28181Problems, type Gb28181Config } from './gb28181-config';
export { findRepoRoot } from './repo-root';
export { type NotifyConfig } from './notify-config';
export {
  type ApiTuning,
  type LoginBackoffTuning,
  type DbTuning,
  type HealthTuning,
  type IngestSilenceTuning,
  type IngestTuning,
  type KafkaTuning,
  type LiveTuning,
  type MediaTuning,
  type NotifyTuning,
  type ReportsTuning,
  type SimulatorTuning,
  type Tuning,
  type WarningTuning,
} from './tuning';
