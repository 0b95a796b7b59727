import { Controller, Query } from '@nestjs/common';
import {
  cameraSearchQuerySchema,
  cameraStatusQuerySchema,
  type CameraSearchQuery,
  type CameraSearchResponse,
  type CameraStatusQuery,
  type CameraStatusResponse,
} from '@fengqiao/contracts';
import { ZodPipe } from '../common/zod-pipe';
import { Endpoint } from '../routes/endpoint.decorator';
import { CamerasService } from './cameras.service';

@Controller()
export class CamerasController {
  constructor(private readonly cameras: CamerasService) {}

  @Endpoint('cameras.search')
  search(@Query(new ZodPipe(cameraSearchQuerySchema)) q: CameraSearchQuery): Promise<CameraSearchResponse> {
    return this.cameras.search(q);
  }

  @Endpoint('cameras.status')
  status(@Query(new ZodPipe(cameraStatusQuerySchema)) q: CameraStatusQuery): Promise<CameraStatusResponse> {
    return this.cameras.status(q);
  }
}
