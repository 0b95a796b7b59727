import { Module } from '@nestjs/common';
import { SilencesRepository } from '@fengqiao/db';
import { AuditModule } from '../audit/audit.module';
import { SilencesController } from './silences.controller';
import { SilencesService } from './silences.service';

@Module({
  imports: [AuditModule],
  controllers: [SilencesController],
  // The silences table's owner is libs/db (the warning engine reads it through the same repository).
  providers: [{ provide: SilencesRepository, useValue: new SilencesRepository() }, SilencesService],
})
export class SilencesModule {}
