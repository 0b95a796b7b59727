import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type Consumer, type Kafka } from 'kafkajs';
import { alertChangedSchema, OUTPUT_TOPICS } from '@fengqiao/contracts';
import { ensureTopics } from '@fengqiao/kafka';
import { type ApiOptions } from '../infra/api-options';
import { API_OPTIONS, KAFKA } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';
import { AlertFanout } from './alert-fanout.service';

/**
 * Each API instance reads the whole alerts topic in a consumer group of its own (named after the
 * instance), so every instance sees every change and serves its own clients. It starts at the
 * topic's end as of start-up: history comes from the database on resume, not from Kafka.
 */
@Injectable()
export class AlertStreamConsumer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('alert-stream');
  private consumer: Consumer | undefined;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly groupId: string;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    private readonly fanout: AlertFanout,
    private readonly metrics: MetricsService,
  ) {
    this.groupId = `fengqiao-api-${options.instanceId}`;
  }

  /**
   * Waits for the stream (a fresh topic's partitions need a moment to get a leader), but never
   * fails the API's start: REST keeps working while Kafka is away, and the stream retries.
   */
  async onModuleInit(): Promise<void> {
    for (let attempt = 1; !this.stopped; attempt += 1) {
      try {
        await this.start();
        return;
      } catch (err) {
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        if (attempt === 20) {
          this.logger.error(
            `alert stream not started, retrying in the background: ${err instanceof Error ? err.message : 'unknown'}`,
          );
          this.retryLater();
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(1000, 100 * attempt)));
      }
    }
  }

  private retryLater(): void {
    this.retryTimer = setTimeout(() => {
      this.start().catch(() => this.retryLater());
    }, 5000);
  }

  private async start(): Promise<void> {
    const topic = this.options.alertsTopic;
    const { partitions, retentionMs, compacted } = OUTPUT_TOPICS.alertChanges;
    await ensureTopics(this.kafka, [{ name: topic, partitions, retentionMs, compacted }]);
    const ends = await this.endOffsets(topic);
    const consumer = this.kafka.consumer({
      groupId: this.groupId,
      maxWaitTimeInMs: 500,
      sessionTimeout: 15_000,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: ({ message }) => Promise.resolve(this.handle(message.value)),
    });
    for (const { partition, offset } of ends) consumer.seek({ topic, partition, offset });
  }

  private async endOffsets(topic: string): Promise<{ partition: number; offset: string }[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
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
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.consumer === undefined) return;
    await this.consumer.disconnect();
    // The group held no offsets; removing it keeps the broker's group list from growing per restart.
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
