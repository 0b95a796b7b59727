import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { AccountSelfController } from './account-self.controller';
import { AuditLogRepository } from './audit-log.repository';
import { SelfTotpService } from './self-totp.service';
import { UsersAdminService } from './users-admin.service';
import { UsersController } from './users.controller';

/** Accounts (issue 16): administration, one's own second factor, the sign-in steps, the audit log. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController, AccountSelfController],
  providers: [UsersAdminService, SelfTotpService, AuditLogRepository],
})
export class AccountsModule {}
