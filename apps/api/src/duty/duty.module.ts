import { Module } from '@nestjs/common';
import { NotificationPreferencesRepository, NotificationsRepository, RostersRepository } from '@fengqiao/db';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { AlertNotificationsService } from './alert-notifications.service';
import { DutyController } from './duty.controller';
import { DutyService } from './duty.service';

/** Duty rosters, notification preferences, an alert's notifications, acknowledging from a link. */
@Module({
  imports: [AuditModule, AlertsModule],
  controllers: [DutyController],
  providers: [
    { provide: RostersRepository, useValue: new RostersRepository() },
    { provide: NotificationsRepository, useValue: new NotificationsRepository() },
    { provide: NotificationPreferencesRepository, useValue: new NotificationPreferencesRepository() },
    DutyService,
    AlertNotificationsService,
  ],
})
export class DutyModule {}
