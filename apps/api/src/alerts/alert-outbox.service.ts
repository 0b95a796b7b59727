import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { AlertOutboxRelay, AlertStore } from '@fengqiao/db';
import { KafkaAlertChangeSink, KafkaEventPublisher } from '@fengqiao/kafka';
import { type ApiOptions } from '../infra/api-options';
import { Database } from '../infra/database';
import { API_OPTIONS, CONFIG, KAFKA } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';

/**
 * This instance's run of the one alert outbox relay (libs/db): a transition commits its change as an
 * outbox row and answers; the relay publishes it once Kafka acks, whether Kafka is there now or later.
 */
@Injectable()
export class AlertOutbox implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('alert-outbox');
  private readonly producer: KafkaEventPublisher;
  private readonly relay: AlertOutboxRelay;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  /** A pass besides the one each transition kicks (Kafka came back, another writer). */
  private readonly retryEveryMs: number;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(CONFIG) config: FengqiaoConfig,
    @Inject(API_OPTIONS) options: ApiOptions,
    db: Database,
    private readonly metrics: MetricsService,
  ) {
    const { kafka: kafkaTuning, warning, api } = config.tuning;
    this.retryEveryMs = api.outboxRetryMs;
    this.producer = new KafkaEventPublisher(kafka, { idempotent: kafkaTuning.idempotentProducer });
    // The same outbox as the warning service's relay, so the same ack deadline: a pass without an
    // ack by then gives up and the rows wait for the next pass.
    const sink = new KafkaAlertChangeSink(this.producer, options.alertsTopic, warning.publishTimeoutMs);
    // The store holds no state: the relay's own instance reads the same tables.
    this.relay = new AlertOutboxRelay(db.pool, new AlertStore(), sink, (err) => this.report(err));
  }

  onModuleInit(): void {
    this.start();
  }

  /** Publishes on a timer and on every kick (also after `stop`, in tests standing for Kafka away). */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.kick(), this.retryEveryMs);
    this.timer.unref();
    this.kick();
  }

  /** No more passes until `start`; waits for the one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.relay.idle();
  }

  /** After a commit: publish now if Kafka is there (never awaited by the request). */
  kick(): void {
    if (this.timer === undefined) return;
    this.relay.flush().then(
      () => this.recovered(),
      (err: unknown) => this.report(err),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.producer.disconnect();
  }

  private report(err: unknown): void {
    this.metrics.publishFailures.inc();
    // Once per outage, not every pass: the metric counts them.
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(`alert changes wait in the outbox: ${err instanceof Error ? err.message : 'unknown'}`);
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.logger.log('alert outbox published again');
  }
}
