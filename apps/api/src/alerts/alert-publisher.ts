import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type AlertChanged } from '@fengqiao/contracts';
import { KafkaEventPublisher } from '@fengqiao/kafka';
import { type ApiOptions } from '../infra/api-options';
import { API_OPTIONS, KAFKA } from '../infra/tokens';
import { MetricsService } from '../metrics/metrics.service';

/**
 * Publishes committed alert changes on the alerts topic, keyed by alert id. A failed publish does
 * not undo the change: it is in alert_changes, and clients get it when they resume.
 */
@Injectable()
export class AlertPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger('alert-publisher');
  private readonly publisher: KafkaEventPublisher;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    private readonly metrics: MetricsService,
  ) {
    this.publisher = new KafkaEventPublisher(kafka);
  }

  async publish(change: AlertChanged): Promise<void> {
    try {
      await this.publisher.connect();
      await this.publisher.publish(this.options.alertsTopic, [
        { key: change.alert.alertId, value: JSON.stringify(change), headers: { schema: change.schema } },
      ]);
    } catch (err) {
      this.metrics.publishFailures.inc();
      this.logger.warn(
        `publish of seq ${change.seq} failed: ${err instanceof Error ? err.message : 'unknown'}`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
