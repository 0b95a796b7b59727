import { Module } from '@nestjs/common';
import { AlertCounts, CameraHealthRepository, KpiFactsRepository } from '@fengqiao/db';
import { RulesModule } from '../rules/rules.module';
import { ActiveDeadlines } from './active-deadlines';
import { KpiSeriesService } from './kpi-series.service';
import { KpiTilesService } from './kpi-tiles.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';

@Module({
  imports: [RulesModule],
  controllers: [KpisController],
  providers: [
    ActiveDeadlines,
    // libs/db owns the shared tables these read (case_kpi_facts, alerts, cameras, camera health).
    { provide: KpiFactsRepository, useValue: new KpiFactsRepository() },
    { provide: AlertCounts, useValue: new AlertCounts() },
    { provide: CameraHealthRepository, useValue: new CameraHealthRepository() },
    KpiTilesService,
    KpisService,
    KpiSeriesService,
  ],
  exports: [KpisService, KpiSeriesService],
})
export class KpisModule {}
