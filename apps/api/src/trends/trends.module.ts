import { Module } from '@nestjs/common';
import { HotspotsModule } from '../hotspots/hotspots.module';
import { CityTrendsRepository } from './city-trends.repository';
import { GridAnalyticsRefresher } from './grid-analytics-refresher';
import { GridTrendsRepository } from './grid-trends.repository';
import { TrendsController } from './trends.controller';
import { TrendsRepository } from './trends.repository';
import { TrendsService } from './trends.service';

@Module({
  imports: [HotspotsModule],
  controllers: [TrendsController],
  providers: [
    TrendsRepository,
    CityTrendsRepository,
    GridTrendsRepository,
    GridAnalyticsRefresher,
    TrendsService,
  ],
})
export class TrendsModule {}
