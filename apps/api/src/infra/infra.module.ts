import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { createKafkaClient } from '@fengqiao/kafka';
import { type ApiOptions, type Clock } from './api-options';
import { Database } from './database';
import { API_OPTIONS, CLOCK, CONFIG, DB_POOL, KAFKA } from './tokens';

/** The config parsed once at start-up, the shared database pool and Kafka client, for every module. */
@Global()
@Module({})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(DB_POOL) private readonly pool: DbPool) {}

  static register(config: FengqiaoConfig, options: ApiOptions, clock: Clock): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: API_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: clock },
        {
          provide: DB_POOL,
          useFactory: () =>
            createPool(config.postgres.url, {
              max: 10,
              applicationName: 'fengqiao-api',
              tuning: config.tuning.db,
            }),
        },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafkaClient({
              brokers: config.kafka.brokers,
              clientId: `fengqiao-api-${options.instanceId}`,
            }),
        },
        Database,
      ],
      exports: [CONFIG, API_OPTIONS, CLOCK, DB_POOL, KAFKA, Database],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
