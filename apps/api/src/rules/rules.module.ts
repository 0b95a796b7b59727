import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ActiveRuleSetCache } from './active-rule-set.cache';
import { BacktestInputsRepository } from './backtest-inputs.repository';
import { BacktestService } from './backtest.service';
import { RulesController } from './rules.controller';
import { RulesService } from './rules.service';

@Module({
  imports: [AuditModule],
  controllers: [RulesController],
  providers: [ActiveRuleSetCache, RulesService, BacktestInputsRepository, BacktestService],
  exports: [ActiveRuleSetCache],
})
export class RulesModule {}
