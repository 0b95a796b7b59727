import { collectDefaultMetrics, Registry } from 'prom-client';

export interface MetricsRegistryOptions {
  /** Put before the default metrics' names (the API's `fq_api_`); the ingest's have none. */
  readonly prefix?: string;
}

/**
 * One Prometheus registry per app instance (tests run several in one process, where the global
 * registry would clash), with the process's default metrics: CPU, memory, GC, and the event-loop lag
 * percentiles (`nodejs_eventloop_lag_p50_seconds`, ...) sampled every 20 ms.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({
    register: registry,
    eventLoopMonitoringPrecision: 20,
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  return registry;
}

/** A scrape's answer: the content type and the text. */
export interface MetricsPage {
  readonly contentType: string;
  readonly body: string;
}

/**
 * The whole registry, or only the metric `name` (pollers that want one counter need not pay for the
 * whole registry); undefined when the registry has no metric of that name.
 */
export function renderMetrics(registry: Registry): Promise<MetricsPage>;
export function renderMetrics(registry: Registry, name: string | undefined): Promise<MetricsPage | undefined>;
export async function renderMetrics(registry: Registry, name?: string): Promise<MetricsPage | undefined> {
  const contentType = registry.contentType;
  if (name === undefined) return { contentType, body: await registry.metrics() };
  if (registry.getSingleMetric(name) === undefined) return undefined;
  return { contentType, body: await registry.getSingleMetricAsString(name) };
}
