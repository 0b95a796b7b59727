import { Counter } from 'prom-client';
import { createMetricsRegistry, renderMetrics } from './metrics';

describe('the metrics registry of one app instance', () => {
  it('carries the default process metrics, with the given prefix', async () => {
    const api = await renderMetrics(createMetricsRegistry({ prefix: 'fq_api_' }));
    expect(api.body).toContain('fq_api_process_cpu_seconds_total');
    const ingest = await renderMetrics(createMetricsRegistry());
    expect(ingest.body).toContain('\nprocess_cpu_seconds_total');
    expect(ingest.body).toContain('nodejs_eventloop_lag_p99_seconds');
  });

  it('lets two instances in one process register the same metric names, each counting its own', async () => {
    const make = (n: number) => {
      const registry = createMetricsRegistry({ prefix: 'fq_x_' });
      new Counter({ name: 'fq_x_things_total', help: 'things', registers: [registry] }).inc(n);
      return registry;
    };
    const first = make(2);
    const second = make(5);
    expect((await renderMetrics(first, 'fq_x_things_total'))?.body).toContain('fq_x_things_total 2');
    expect((await renderMetrics(second, 'fq_x_things_total'))?.body).toContain('fq_x_things_total 5');
  });

  it('renders one metric by name, and nothing for an unknown name', async () => {
    const registry = createMetricsRegistry();
    const counter = new Counter({ name: 'fq_test_events_total', help: 'events', registers: [registry] });
    counter.inc(3);
    const one = await renderMetrics(registry, 'fq_test_events_total');
    expect(one?.contentType).toBe(registry.contentType);
    expect(one?.body).toContain('fq_test_events_total 3');
    expect(one?.body).not.toContain('process_cpu_seconds_total');
    expect(await renderMetrics(registry, 'fq_no_such_metric')).toBeUndefined();
  });
});
