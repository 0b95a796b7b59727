import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { AlertFanout } from './alert-fanout.service';
import { AlertStreamConsumer } from './alert-stream.consumer';
import { LiveAuthMiddleware } from './live-auth.middleware';
import { LiveGateway } from './live.gateway';

@Module({
  imports: [AlertsModule, AuthModule],
  providers: [LiveGateway, LiveAuthMiddleware, AlertFanout, AlertStreamConsumer],
})
export class LiveModule {}
