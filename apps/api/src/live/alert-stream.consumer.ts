import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { alertChangedSchema, OUTPUT_TOPICS } from '@fengqiao/contracts';
import { KafkaTailConsumer, type KafkaClient, type TailState } from '@fengqiao/kafka';
import { type ApiOptions } from '../infra/api-options';
import { API_OPTIONS, CONFIG, KAFKA } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';
import { AlertFanout } from './alert-fanout.service';

/**
 * Each API instance reads the whole alerts topic in a consumer group of its own (named after the
 * instance), so every instance sees every change and serves its own clients. It starts at the
 * topic's end as of start-up: history comes from the database on resume, not from Kafka, and so do
 * the changes published while the stream was away (a broker outage, a crashed consumer restarting
 * at the end): each join makes the fan-out catch up from the alert store.
 */
@Injectable()
export class AlertStreamConsumer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('alert-stream');
  private readonly tail: KafkaTailConsumer;
  /**
   * How long the start waits for the stream (config.tuning.api.live): enough for a healthy broker
   * and a fresh topic's leaders, short enough that an API started while Kafka is away serves HTTP
   * within seconds.
   */
  private readonly startupWaitMs: number;

  constructor(
    @Inject(KAFKA) kafka: KafkaClient,
    @Inject(CONFIG) config: FengqiaoConfig,
    @Inject(API_OPTIONS) options: ApiOptions,
    private readonly fanout: AlertFanout,
    private readonly metrics: MetricsService,
  ) {
    this.startupWaitMs = config.tuning.api.live.consumerStartupWaitMs;
    const { partitions, retentionMs, compacted } = OUTPUT_TOPICS.alertChanges;
    this.tail = new KafkaTailConsumer(
      kafka,
      {
        groupId: `fengqiao-api-${options.instanceId}`,
        topic: { name: options.alertsTopic, partitions, retentionMs, compacted },
        durability: config.tuning.kafka,
        log: (message) => this.logger.warn(`alert stream ${message}`),
        // Each (re)join starts at the topic's end: what it missed comes from the database.
        onJoining: () => this.fanout.hold(),
        onJoin: () => this.fanout.catchUp(),
      },
      (value) => this.handle(value),
    );
  }

  /** Never fails nor holds the API's start: REST serves while Kafka is away, the stream retries. */
  async onModuleInit(): Promise<void> {
    this.tail.start();
    if (!(await this.tail.whenRunning(this.startupWaitMs)))
      this.logger.warn('alert stream not running yet (Kafka unreachable?); live alerts degraded until it is');
  }

  /** 'running', or why the live alerts are degraded. */
  state(): TailState {
    return this.tail.state();
  }

  private handle(value: Buffer | null): void {
    let json: unknown;
    try {
      json = JSON.parse(value?.toString('utf8') ?? '');
    } catch {
      json = undefined;
    }
    const change = alertChangedSchema.safeParse(json);
    if (!change.success) {
      this.metrics.rejectedMessages.inc();
      this.logger.warn('skipped a message that is not alert.changed.v1');
      return;
    }
    this.fanout.broadcast(change.data);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tail.stop();
  }
}
