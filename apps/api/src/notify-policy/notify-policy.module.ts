import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotifyPolicyController } from './notify-policy.controller';
import { NotifyPolicyService } from './notify-policy.service';

/** The notification policy as a versioned document: read, propose, activate. */
@Module({
  imports: [AuditModule],
  controllers: [NotifyPolicyController],
  providers: [NotifyPolicyService],
})
export class NotifyPolicyModule {}
