import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ActiveRoutingTableCache } from './active-routing-table.cache';
import { RoutingController } from './routing.controller';
import { RoutingTablesService } from './routing-tables.service';

/**
 * Routing tables as data. Global so the cases module's routing service can read the active table
 * without importing this module (one cache per process, whoever asks).
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [RoutingController],
  providers: [ActiveRoutingTableCache, RoutingTablesService],
  exports: [ActiveRoutingTableCache],
})
export class RoutingModule {}
