import { Module } from '@nestjs/common';
import { AlertCaseLinks } from '@fengqiao/db';
import { AlertsModule } from '../alerts/alerts.module';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { AlertCaseController } from './alert-case.controller';
import { AlertCaseService } from './alert-case.service';

/** Alert → case (issue 20): the intake of the cases module, the alert store of the alerts module. */
@Module({
  imports: [AuditModule, AlertsModule, CasesModule],
  controllers: [AlertCaseController],
  providers: [AlertCaseService, { provide: AlertCaseLinks, useValue: new AlertCaseLinks() }],
})
export class AlertCasesModule {}
