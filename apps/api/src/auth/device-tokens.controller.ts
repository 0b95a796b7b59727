import { Body, Controller, HttpCode, Param } from '@nestjs/common';
import {
  createDeviceTokenRequestSchema,
  deviceLoginRequestSchema,
  deviceTokenIdParamsSchema,
  type CreateDeviceTokenRequest,
  type CreatedDeviceToken,
  type DeviceLoginRequest,
  type DeviceTokenInfo,
  type DeviceTokenListResponse,
  type TokenPair,
} from '@fengqiao/contracts';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { type AuthUser } from './auth-user';
import { CurrentUser } from './current-user.decorator';
import { DeviceTokensService } from './device-tokens.service';

@Controller()
export class DeviceTokensController {
  constructor(private readonly devices: DeviceTokensService) {}

  @Endpoint('auth.device')
  @HttpCode(200)
  exchange(@Body(new ZodPipe(deviceLoginRequestSchema)) body: DeviceLoginRequest): Promise<TokenPair> {
    return this.devices.exchange(body.deviceToken);
  }

  @Endpoint('auth.deviceTokens.create')
  @HttpCode(201)
  create(
    @CurrentUser() admin: AuthUser,
    @Body(new ZodPipe(createDeviceTokenRequestSchema)) body: CreateDeviceTokenRequest,
  ): Promise<CreatedDeviceToken> {
    return this.devices.create(admin, body);
  }

  @Endpoint('auth.deviceTokens.list')
  list(): Promise<DeviceTokenListResponse> {
    return this.devices.list();
  }

  @Endpoint('auth.deviceTokens.revoke')
  @HttpCode(200)
  revoke(
    @CurrentUser() admin: AuthUser,
    @Param(new ZodPipe(deviceTokenIdParamsSchema)) p: { tokenId: string },
  ): Promise<DeviceTokenInfo> {
    return this.devices.revoke(admin, p.tokenId);
  }
}
