import { Injectable } from '@nestjs/common';
import { createMetricsRegistry } from '@fengqiao/process';
import { Counter, Gauge, Histogram } from 'prom-client';

/** The API's metrics, in a registry of its own with the default ones prefixed `fq_api_` (libs/process). */
@Injectable()
export class MetricsService {
  readonly registry = createMetricsRegistry({ prefix: 'fq_api_' });
  readonly httpDuration = new Histogram({
    name: 'fq_api_http_request_duration_seconds',
    help: 'HTTP request duration by route and status class',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly liveSockets = new Gauge({
    name: 'fq_api_live_sockets',
    help: 'Connected Socket.IO clients',
    registers: [this.registry],
  });
  readonly alertChangesFannedOut = new Counter({
    name: 'fq_api_alert_changes_fanned_out_total',
    help: 'Alert changes consumed from Kafka and broadcast to clients',
    registers: [this.registry],
  });
  readonly alertChangesReplayed = new Counter({
    name: 'fq_api_alert_changes_replayed_total',
    help: 'Alert changes sent from the database to reconnecting clients',
    registers: [this.registry],
  });
  readonly rejectedMessages = new Counter({
    name: 'fq_api_rejected_messages_total',
    help: 'Messages on the alerts topic that failed the contract',
    registers: [this.registry],
  });
  readonly publishFailures = new Counter({
    name: 'fq_api_alert_publish_failures_total',
    help: 'Alert outbox relay passes that could not publish (the changes wait in the outbox)',
    registers: [this.registry],
  });
}
