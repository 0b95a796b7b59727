import { Body, Controller, HttpCode, Param, Query } from '@nestjs/common';
import {
  createSilenceRequestSchema,
  silenceIdParamsSchema,
  silenceListQuerySchema,
  type CreateSilenceRequest,
  type SilenceIdParams,
  type SilenceListQuery,
  type SilenceListResponse,
  type SilenceView,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { SilencesService } from './silences.service';

@Controller()
export class SilencesController {
  constructor(private readonly silences: SilencesService) {}

  @Endpoint('silences.list')
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(silenceListQuerySchema)) q: SilenceListQuery,
  ): Promise<SilenceListResponse> {
    return this.silences.list(user, q);
  }

  @Endpoint('silences.create')
  @HttpCode(201)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(createSilenceRequestSchema)) b: CreateSilenceRequest,
  ): Promise<SilenceView> {
    return this.silences.create(user, b);
  }

  @Endpoint('silences.expire')
  @HttpCode(200)
  expire(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(silenceIdParamsSchema)) p: SilenceIdParams,
  ): Promise<SilenceView> {
    return this.silences.expire(user, p.silenceId);
  }
}
