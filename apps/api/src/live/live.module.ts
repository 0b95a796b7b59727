import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { KpisModule } from '../kpis/kpis.module';
import { AlertFanout } from './alert-fanout.service';
import { AlertStreamConsumer } from './alert-stream.consumer';
import { CameraStatusStream } from './camera-status-stream';
import { HotspotStream } from './hotspot-stream';
import { KpiStream } from './kpi-stream';
import { LiveSourcesRepository } from './live-sources.repository';
import { LiveStreams } from './live-streams.service';
import { LiveAuthMiddleware } from './live-auth.middleware';
import { LiveStatusService } from './live-status.service';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [AlertsModule, AuthModule, KpisModule],
  providers: [
    LiveGateway,
    LiveAuthMiddleware,
    AlertFanout,
    AlertStreamConsumer,
    LiveSourcesRepository,
    KpiStream,
    HotspotStream,
    CameraStatusStream,
    LiveStreams,
    LiveStatusService,
  ],
  // The health check reads the alert stream's state.
  exports: [AlertStreamConsumer],
})
export class LiveModule {}
