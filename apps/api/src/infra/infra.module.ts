import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { createPool, type DbPool } from '@fengqiao/db';
import { CONFIG, DB_POOL } from './tokens';

/** The config parsed once at start-up and the shared database pool, for every feature module. */
@Global()
@Module({})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(DB_POOL) private readonly pool: DbPool) {}

  static register(config: FengqiaoConfig): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: CONFIG, useValue: config },
        {
          provide: DB_POOL,
          useFactory: () => createPool(config.postgres.url, { max: 10, applicationName: 'fengqiao-api' }),
        },
      ],
      exports: [CONFIG, DB_POOL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
