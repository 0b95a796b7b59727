import { Module } from '@nestjs/common';
import { AuditCheckpointer } from './audit-checkpointer.service';
import { AuditCheckpointsRepository } from './audit-checkpoints.repository';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditCheckpointsRepository, AuditService, AuditCheckpointer],
  exports: [AuditService, AuditCheckpointer],
})
export class AuditModule {}
