import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  assignCommandSchema,
  caseIdParamsSchema,
  closeCommandSchema,
  escalateCommandSchema,
  leaderCommandSchema,
  mediationCommandSchema,
  reopenCommandSchema,
  resolveCaseCommandSchema,
  triageCommandSchema,
  type AssignCommand,
  type CaseCommandResponse,
  type CloseCommand,
  type EscalateCommand,
  type LeaderCommand,
  type MediationCommand,
  type ReopenCommand,
  type ResolveCaseCommand,
  type TriageCommand,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { CaseCommandsService } from './case-commands.service';

const IdPipe = new ZodPipe(caseIdParamsSchema);
type IdParams = { caseId: string };

/** Lifecycle commands: 202, the event is on Kafka and reaches the case within about a second. */
@Controller()
export class CaseCommandsController {
  constructor(private readonly commands: CaseCommandsService) {}

  @Endpoint('cases.triage')
  @HttpCode(202)
  triage(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(triageCommandSchema)) body: TriageCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'triaged', body });
  }

  @Endpoint('cases.assign')
  @HttpCode(202)
  assign(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(assignCommandSchema)) body: AssignCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'assigned', body });
  }

  @Endpoint('cases.mediation')
  @HttpCode(202)
  mediation(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(mediationCommandSchema)) body: MediationCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'in-mediation', body });
  }

  @Endpoint('cases.resolve')
  @HttpCode(202)
  resolve(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(resolveCaseCommandSchema)) body: ResolveCaseCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'resolved', body });
  }

  @Endpoint('cases.close')
  @HttpCode(202)
  close(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(closeCommandSchema)) body: CloseCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'closed', body });
  }

  @Endpoint('cases.reopen')
  @HttpCode(202)
  reopen(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(reopenCommandSchema)) body: ReopenCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'reopened', body });
  }

  @Endpoint('cases.escalate')
  @HttpCode(202)
  escalate(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(escalateCommandSchema)) body: EscalateCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'escalated', body });
  }

  @Endpoint('cases.leader')
  @HttpCode(202)
  leader(
    @CurrentUser() u: AuthUser,
    @Param(IdPipe) p: IdParams,
    @Body(new ZodPipe(leaderCommandSchema)) body: LeaderCommand,
  ): Promise<CaseCommandResponse> {
    return this.commands.run(u, p.caseId, { type: 'leader-assigned', body });
  }
}
