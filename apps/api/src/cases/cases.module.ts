import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseCommandsController } from './case-commands.controller';
import { CaseCommandsService } from './case-commands.service';
import { CaseDuplicatesService } from './case-duplicates.service';
import { CaseIntakeService } from './case-intake.service';
import { CasePublisher } from './case-publisher';
import { CaseQueriesService } from './case-queries.service';
import { CaseRoutingService } from './case-routing.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';

@Module({
  imports: [AuditModule],
  controllers: [CasesController, CaseCommandsController],
  providers: [
    CasesRepository,
    CasePublisher,
    CaseRoutingService,
    CaseDuplicatesService,
    CaseIntakeService,
    CaseQueriesService,
    CaseCommandsService,
  ],
})
export class CasesModule {}
