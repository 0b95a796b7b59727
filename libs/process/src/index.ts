export {
  evaluateHealth,
  type CheckResult,
  type HealthCheck,
  type HealthComponent,
  type HealthReport,
} from './health';
export {
  createMetricsRegistry,
  renderMetrics,
  type MetricsPage,
  type MetricsRegistryOptions,
} from './metrics';
export { startHealthServer, type HealthServer, type HealthServerOptions } from './health-server';
export {
  jsonLog,
  runProcess,
  type LogLevel,
  type ProcessLog,
  type ProcessSpec,
  type StartedProcess,
  type StopStep,
} from './run-process';
