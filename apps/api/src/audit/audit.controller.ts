import { Controller } from '@nestjs/common';
import { Database } from '../infra/database';
import { Endpoint } from '../routes/endpoint.decorator';
import { AuditService, type AuditVerdict } from './audit.service';

@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly db: Database,
  ) {}

  @Endpoint('audit.verify')
  async verify(): Promise<AuditVerdict> {
    const { ok, rows, firstBadSeq } = await this.audit.verify(this.db.pool);
    return { ok, rows, firstBadSeq };
  }
}
