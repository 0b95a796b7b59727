import { Module } from '@nestjs/common';
import { CamerasController } from './cameras.controller';
import { CamerasRepository } from './cameras.repository';
import { CamerasService } from './cameras.service';
import { NearbyCamerasRepository } from './nearby-cameras.repository';
import { NearbyCamerasService } from './nearby-cameras.service';

@Module({
  controllers: [CamerasController],
  providers: [CamerasRepository, CamerasService, NearbyCamerasRepository, NearbyCamerasService],
})
export class CamerasModule {}
