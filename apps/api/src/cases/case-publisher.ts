import { readFileSync } from 'node:fs';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Kafka } from 'kafkajs';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type CaseEvent, type CityExtent, checkCaseEvent } from '@fengqiao/contracts';
import { cityExtentOf } from '@fengqiao/geo';
import { KafkaEventPublisher } from '@fengqiao/kafka';
import { ApiError } from '../common/api-error';
import { type ApiOptions } from '../infra/api-options';
import { API_OPTIONS, CONFIG, KAFKA } from '../infra/tokens';
import { casesTopicOf } from './case-topic';

/**
 * Produces case events keyed by case id (one case, one partition, one order). Kafka is the
 * record here (ingest stores the events), so a failed publish fails the request: nothing is
 * half-recorded and the client may retry.
 */
@Injectable()
export class CasePublisher implements OnApplicationShutdown {
  private readonly publisher: KafkaEventPublisher;
  readonly topic: string;
  /** The configured city (FQ_CITY_CODE): the ingest refuses case events of any other. */
  private readonly city: string;
  /** Its extent (outlines' box + margin, libs/geo cityExtentOf): the ingest refuses locations outside. */
  private readonly extent: CityExtent | undefined;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(API_OPTIONS) options: ApiOptions,
    @Inject(CONFIG) config: FengqiaoConfig,
  ) {
    this.publisher = new KafkaEventPublisher(kafka);
    this.topic = casesTopicOf(options);
    this.city = config.city.code;
    const outlines = config.geojsonPath === undefined ? undefined : readFileSync(config.geojsonPath, 'utf8');
    this.extent = cityExtentOf(outlines === undefined ? undefined : JSON.parse(outlines), this.city);
  }

  /**
   * Every event passes the contracts' one case validator first, the very check the ingest applies:
   * an event the ingest would dead-letter is refused here with its code (400), never answered 202.
   */
  async publish(events: readonly CaseEvent[]): Promise<void> {
    for (const event of events) assertIngestible(event, this.city, this.extent);
    try {
      await this.publisher.connect();
      await this.publisher.publish(
        this.topic,
        events.map((e) => ({ key: e.caseId, value: JSON.stringify(e), headers: { schema: e.schema } })),
      );
    } catch (err) {
      const why = err instanceof Error ? err.name : 'unknown';
      throw new ApiError('INTERNAL', `case events could not be recorded (${why}): retry`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

function assertIngestible(event: CaseEvent, city: string, extent: CityExtent | undefined): void {
  const checked = checkCaseEvent(event, city, extent);
  if (checked.ok) return;
  const code = checked.code === 'FORBIDDEN_CHARACTER' ? 'FORBIDDEN_CHARACTER' : 'VALIDATION_FAILED';
  throw new ApiError(code, 'request failed validation', checked.issues);
}
