import { type DynamicModule, Module } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { HealthModule } from './health/health.module';
import { InfraModule } from './infra/infra.module';

@Module({})
export class AppModule {
  static register(config: FengqiaoConfig): DynamicModule {
    return { module: AppModule, imports: [InfraModule.register(config), HealthModule] };
  }
}
