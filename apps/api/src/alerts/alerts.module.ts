import { Module } from '@nestjs/common';
import { AlertCaseLinks, AlertEvidenceEvents, AlertStore } from '@fengqiao/db';
import { AuditModule } from '../audit/audit.module';
import { AlertCommandsService } from './alert-commands.service';
import { AlertGroupCommandsService } from './alert-group-commands.service';
import { AlertGroupListController } from './alert-group-list.controller';
import { AlertGroupQueriesService } from './alert-group-queries.service';
import { AlertGroupsController } from './alert-groups.controller';
import { AlertOutbox } from './alert-outbox.service';
import { AlertQualityController } from './alert-quality.controller';
import { AlertQualityService } from './alert-quality.service';
import { AlertQueriesService } from './alert-queries.service';
import { AlertsController } from './alerts.controller';

@Module({
  imports: [AuditModule],
  controllers: [AlertQualityController, AlertsController, AlertGroupsController, AlertGroupListController],
  providers: [
    { provide: AlertStore, useValue: new AlertStore() },
    { provide: AlertCaseLinks, useValue: new AlertCaseLinks() },
    { provide: AlertEvidenceEvents, useValue: new AlertEvidenceEvents() },
    AlertQueriesService,
    AlertQualityService,
    AlertCommandsService,
    AlertGroupCommandsService,
    AlertGroupQueriesService,
    AlertOutbox,
  ],
  // The commands: acknowledging from a notification's link reuses the console's acknowledgement.
  exports: [AlertStore, AlertOutbox, AlertCommandsService],
})
export class AlertsModule {}
