import { Body, Controller, Param } from '@nestjs/common';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import {
  cameraIdParamsSchema,
  playRequestSchema,
  type CameraIdParams,
  type PlayGrantResponse,
  type PlayRequest,
} from '@fengqiao/contracts';
import { VideoService } from './video.service';

@Controller()
export class VideoController {
  constructor(private readonly video: VideoService) {}

  @Endpoint('video.play')
  play(
    @CurrentUser() user: AuthUser,
    @Param(new ZodPipe(cameraIdParamsSchema)) params: CameraIdParams,
    @Body(new ZodPipe(playRequestSchema)) body: PlayRequest,
  ): Promise<PlayGrantResponse> {
    return this.video.grant(user, params.cameraId, body);
  }
}
