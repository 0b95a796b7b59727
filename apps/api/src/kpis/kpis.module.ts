import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { ActiveDeadlines } from './active-deadlines';
import { CameraHealthRepository } from './camera-health.repository';
import { KpiSeriesService } from './kpi-series.service';
import { KpiTilesService } from './kpi-tiles.service';
import { KpisController } from './kpis.controller';
import { KpisRepository } from './kpis.repository';
import { KpisService } from './kpis.service';

@Module({
  imports: [RulesModule],
  controllers: [KpisController],
  providers: [
    ActiveDeadlines,
    KpisRepository,
    CameraHealthRepository,
    KpiTilesService,
    KpisService,
    KpiSeriesService,
  ],
  exports: [KpisService, KpiSeriesService],
})
export class KpisModule {}
