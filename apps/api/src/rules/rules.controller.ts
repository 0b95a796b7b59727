import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  backtestRequestSchema,
  proposeRuleSetRequestSchema,
  ruleSetVersionParamsSchema,
  type ActivateRuleSetResponse,
  type BacktestRequest,
  type BacktestResponse,
  type ProposeRuleSetRequest,
  type RuleSetDetail,
  type RuleSetListResponse,
  type RuleSetVersionParams,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { BacktestService } from './backtest.service';
import { RulesService } from './rules.service';

const VersionPipe = new ZodPipe(ruleSetVersionParamsSchema);

@Controller()
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly backtests: BacktestService,
  ) {}

  @Endpoint('rules.list')
  list(): Promise<RuleSetListResponse> {
    return this.rules.list();
  }

  @Endpoint('rules.detail')
  detail(@Param(VersionPipe) p: RuleSetVersionParams): Promise<RuleSetDetail> {
    return this.rules.detail(p.version);
  }

  @Endpoint('rules.propose')
  @HttpCode(201)
  propose(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(proposeRuleSetRequestSchema)) b: ProposeRuleSetRequest,
  ): Promise<RuleSetDetail> {
    return this.rules.propose(user, b);
  }

  @Endpoint('rules.backtest')
  @HttpCode(200)
  backtest(
    @Param(VersionPipe) p: RuleSetVersionParams,
    @Body(new ZodPipe(backtestRequestSchema)) b: BacktestRequest,
  ): Promise<BacktestResponse> {
    return this.backtests.run(p.version, b);
  }

  @Endpoint('rules.activate')
  @HttpCode(200)
  activate(
    @CurrentUser() user: AuthUser,
    @Param(VersionPipe) p: RuleSetVersionParams,
  ): Promise<ActivateRuleSetResponse> {
    return this.rules.activate(user, p.version);
  }
}
