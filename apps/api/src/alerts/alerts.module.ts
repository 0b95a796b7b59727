import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AlertCommandsService } from './alert-commands.service';
import { AlertPublisher } from './alert-publisher';
import { AlertQueriesService } from './alert-queries.service';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';

@Module({
  imports: [AuditModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertQueriesService, AlertCommandsService, AlertPublisher],
  exports: [AlertsRepository],
})
export class AlertsModule {}
