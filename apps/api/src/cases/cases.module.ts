import { Module } from '@nestjs/common';
import { AlertCaseLinks } from '@fengqiao/db';
import { AuditModule } from '../audit/audit.module';
import { RulesModule } from '../rules/rules.module';
import { CaseCommandsController } from './case-commands.controller';
import { CaseCommandsService } from './case-commands.service';
import { CaseDuplicatesService } from './case-duplicates.service';
import { CaseIntakeKeysRepository } from './case-intake-keys.repository';
import { CaseIntakeService } from './case-intake.service';
import { CasePublisher } from './case-publisher';
import { CaseQueriesService } from './case-queries.service';
import { CaseRoutingService } from './case-routing.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { IdempotentIntakeService } from './idempotent-intake.service';

@Module({
  imports: [AuditModule, RulesModule],
  controllers: [CasesController, CaseCommandsController],
  providers: [
    CasesRepository,
    { provide: AlertCaseLinks, useValue: new AlertCaseLinks() },
    CasePublisher,
    CaseRoutingService,
    CaseDuplicatesService,
    CaseIntakeService,
    CaseIntakeKeysRepository,
    IdempotentIntakeService,
    CaseQueriesService,
    CaseCommandsService,
  ],
  // The intake: an alert turned into a case goes through it (alert-cases).
  exports: [CaseIntakeService],
})
export class CasesModule {}
