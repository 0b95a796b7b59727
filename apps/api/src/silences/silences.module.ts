import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SilencesController } from './silences.controller';
import { SilencesRepository } from './silences.repository';
import { SilencesService } from './silences.service';

@Module({
  imports: [AuditModule],
  controllers: [SilencesController],
  providers: [SilencesRepository, SilencesService],
})
export class SilencesModule {}
