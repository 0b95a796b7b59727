import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/**
 * Lists, downloads and on-demand requests of cadence reports. Generation (scheduled and requested)
 * is apps/reports: the API only queues, so no report's CPU or browser runs in an HTTP request.
 */
@Module({
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
