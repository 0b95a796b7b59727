import { createMetricsRegistry } from '@fengqiao/process';
import { Counter, Gauge, Histogram } from 'prom-client';

const RATE_WINDOW_S = 10;

/**
 * The ingest's Prometheus metrics, in a registry of its own (tests run several instances) with the
 * default process metrics, event-loop lag included (libs/process createMetricsRegistry).
 */
export class IngestMetrics {
  readonly registry = createMetricsRegistry();
  readonly events = new Counter({
    name: 'fq_ingest_events_total',
    help: 'Messages handled, by outcome (stored, duplicate, dead_lettered)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly deadLetters = new Counter({
    name: 'fq_ingest_dead_letters_total',
    help: 'Messages sent to a dead-letter topic, by source topic and reason code',
    labelNames: ['topic', 'code'] as const,
    registers: [this.registry],
  });
  readonly lag = new Gauge({
    name: 'fq_ingest_consumer_lag',
    help: 'Messages behind the high watermark after the last commit, per partition',
    labelNames: ['topic', 'partition'] as const,
    registers: [this.registry],
  });
  readonly batchSize = new Histogram({
    name: 'fq_ingest_batch_size',
    help: 'Messages per database flush',
    buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [this.registry],
  });
  readonly writeSeconds = new Histogram({
    name: 'fq_ingest_write_seconds',
    help: 'Database transaction time of one flush',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly commitLatency = new Histogram({
    name: 'fq_ingest_commit_latency_seconds',
    help: 'From an event’s occurredAt to its database commit',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly dbAvailable = new Gauge({
    name: 'fq_ingest_db_available',
    help: '1 while the database takes writes, 0 while consumption is paused for it',
    registers: [this.registry],
  });
  readonly eventsPerSecond = new Gauge({
    name: 'fq_ingest_events_per_second',
    help: `Messages handled per second over the last ${RATE_WINDOW_S} s`,
    registers: [this.registry],
    collect: () => this.updateRate(),
  });
  readonly intakeRequests = new Counter({
    name: 'fq_intake_requests_total',
    help: 'HTTP intake requests by route and status',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  readonly intakeRefused = new Counter({
    name: 'fq_intake_refused_total',
    help: 'Intake requests refused for their credential or scope, by code and source ("unknown" for unregistered ids)',
    labelNames: ['code', 'source'] as const,
    registers: [this.registry],
  });
  readonly intakeKeyUsed = new Counter({
    name: 'fq_intake_source_key_used_total',
    help: 'Intake requests accepted per source and key id: a rotated-out key is retired once its count stops growing',
    labelNames: ['source', 'key'] as const,
    registers: [this.registry],
  });
  readonly hooks = new Counter({
    name: 'fq_intake_hooks_total',
    help: 'Media server hooks by server, hook and outcome (status, ignored, refused)',
    labelNames: ['server', 'hook', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly sourceRegistryReloads = new Counter({
    name: 'fq_intake_source_registry_reloads_total',
    help: 'Reloads of the source registry file, by outcome (ok, failed: the previous registry stays)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly window: { at: number; count: number }[] = [];
  private handled = 0;

  constructor() {
    this.dbAvailable.set(1);
  }

  countHandled(n: number): void {
    this.handled += n;
  }

  private updateRate(): void {
    const now = Date.now();
    this.window.push({ at: now, count: this.handled });
    while (this.window.length > 2 && (this.window[0]?.at ?? now) < now - RATE_WINDOW_S * 1000)
      this.window.shift();
    const first = this.window[0];
    const seconds = first === undefined ? 0 : (now - first.at) / 1000;
    this.eventsPerSecond.set(
      first === undefined || seconds === 0 ? 0 : (this.handled - first.count) / seconds,
    );
  }
}
