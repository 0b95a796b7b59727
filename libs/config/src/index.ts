export { loadConfig, type FengqiaoConfig, type RuntimeMode } from './config';
export { ConfigError } from './config-error';
export { findRepoRoot } from './repo-root';
