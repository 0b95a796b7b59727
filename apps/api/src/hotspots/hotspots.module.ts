import { Module } from '@nestjs/common';
import { HotspotScoresService } from './hotspot-scores.service';

/** The engine's hotspot scores for REST callers (the trends module's GET /api/hotspots). */
@Module({
  providers: [HotspotScoresService],
  exports: [HotspotScoresService],
})
export class HotspotsModule {}
