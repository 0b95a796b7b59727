import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  activateRoutingTableRequestSchema,
  proposeRoutingTableRequestSchema,
  routingTableVersionParamsSchema,
  type ActivateRoutingTableRequest,
  type ActivateRoutingTableResponse,
  type ProposeRoutingTableRequest,
  type RoutingTableDetail,
  type RoutingTableListResponse,
  type RoutingTableVersionParams,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { RoutingTablesService } from './routing-tables.service';

const VersionPipe = new ZodPipe(routingTableVersionParamsSchema);

@Controller()
export class RoutingController {
  constructor(private readonly tables: RoutingTablesService) {}

  @Endpoint('routing.active')
  active(): Promise<RoutingTableDetail> {
    return this.tables.active();
  }

  @Endpoint('routing.versions')
  versions(): Promise<RoutingTableListResponse> {
    return this.tables.list();
  }

  @Endpoint('routing.version')
  version(@Param(VersionPipe) p: RoutingTableVersionParams): Promise<RoutingTableDetail> {
    return this.tables.detail(p.version);
  }

  @Endpoint('routing.propose')
  @HttpCode(201)
  propose(
    @CurrentUser() user: AuthUser,
    @Body(new ZodPipe(proposeRoutingTableRequestSchema)) b: ProposeRoutingTableRequest,
  ): Promise<RoutingTableDetail> {
    return this.tables.propose(user, b);
  }

  @Endpoint('routing.activate')
  @HttpCode(200)
  activate(
    @CurrentUser() user: AuthUser,
    @Param(VersionPipe) p: RoutingTableVersionParams,
    @Body(new ZodPipe(activateRoutingTableRequestSchema)) b: ActivateRoutingTableRequest,
  ): Promise<ActivateRoutingTableResponse> {
    return this.tables.activate(user, p.version, b);
  }
}
