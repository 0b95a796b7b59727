import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { VideoController } from './video.controller';
import { VideoRepository } from './video.repository';
import { VideoService } from './video.service';

/** Play tokens for the media service: who may watch which camera, audited with why. */
@Module({
  imports: [AuditModule],
  controllers: [VideoController],
  providers: [VideoRepository, VideoService],
})
export class VideoModule {}
