import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  acknowledgeRequestSchema,
  alertIdParamsSchema,
  alertListQuerySchema,
  dispatchRequestSchema,
  escalateRequestSchema,
  resolveRequestSchema,
  silenceRequestSchema,
  type AcknowledgeRequest,
  type AlertDetail,
  type AlertListQuery,
  type AlertListResponse,
  type DispatchRequest,
  type EscalateRequest,
  type ResolveRequest,
  type SilenceRequest,
  type TransitionResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { AlertCommandsService } from './alert-commands.service';
import { AlertQueriesService } from './alert-queries.service';

const IdPipe = new ZodPipe(alertIdParamsSchema);
type IdParams = { alertId: string };

@Controller()
export class AlertsController {
  constructor(
    private readonly queries: AlertQueriesService,
    private readonly commands: AlertCommandsService,
  ) {}

  @Endpoint('alerts.list')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(alertListQuerySchema)) q: AlertListQuery,
  ): Promise<AlertListResponse> {
    return this.queries.list(user, q);
  }

  @Endpoint('alerts.detail')
  detail(@CurrentUser() user: AuthUser, @Param(IdPipe) p: IdParams): Promise<AlertDetail> {
    return this.queries.detail(user, p.alertId);
  }

  @Endpoint('alerts.acknowledge')
  @HttpCode(200)
  acknowledge(
    @CurrentUser() user: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(acknowledgeRequestSchema)) b: AcknowledgeRequest,
  ): Promise<TransitionResponse> {
    return this.commands.transition(user, p.alertId, b.version, { kind: 'acknowledge', note: b.note });
  }

  @Endpoint('alerts.dispatch')
  @HttpCode(200)
  dispatch(
    @CurrentUser() user: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(dispatchRequestSchema)) b: DispatchRequest,
  ): Promise<TransitionResponse> {
    return this.commands.transition(user, p.alertId, b.version, {
      kind: 'dispatch',
      unit: b.unit,
      note: b.note,
    });
  }

  @Endpoint('alerts.resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(resolveRequestSchema)) b: ResolveRequest,
  ): Promise<TransitionResponse> {
    return this.commands.transition(user, p.alertId, b.version, {
      kind: 'resolve',
      outcome: b.outcome,
      note: b.note,
    });
  }

  @Endpoint('alerts.silence')
  @HttpCode(200)
  silence(
    @CurrentUser() user: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(silenceRequestSchema)) b: SilenceRequest,
  ): Promise<TransitionResponse> {
    return this.commands.transition(user, p.alertId, b.version, {
      kind: 'silence',
      minutes: b.minutes,
      note: b.note,
    });
  }

  @Endpoint('alerts.escalate')
  @HttpCode(200)
  escalate(
    @CurrentUser() user: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(escalateRequestSchema)) b: EscalateRequest,
  ): Promise<TransitionResponse> {
    return this.commands.transition(user, p.alertId, b.version, {
      kind: 'escalate',
      note: b.note,
      toLevel: b.toLevel,
    });
  }
}
