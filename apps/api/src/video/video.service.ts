import { Inject, Injectable } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { signPlayToken } from '@fengqiao/media-tokens';
import { type AuthUser } from '../auth/auth-user';
import { inScope } from '../auth/region-scope';
import { AuditService } from '../audit/audit.service';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK, CONFIG } from '../infra/tokens';
import { type PlayGrantResponse, type PlayRequest } from '@fengqiao/contracts';
import { VideoRepository } from './video.repository';

@Injectable()
export class VideoService {
  constructor(
    private readonly db: Database,
    private readonly video: VideoRepository,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Grants one user a short-lived token for one camera in their scope, and audits why. */
  async grant(user: AuthUser, cameraId: string, why: PlayRequest): Promise<PlayGrantResponse> {
    return this.db.transaction(async (tx) => {
      const camera = await this.video.camera(tx, cameraId);
      if (camera === undefined) throw new ApiError('NOT_FOUND', 'no such camera');
      if (!inScope(user.regions, camera))
        throw new ApiError('OUT_OF_SCOPE', 'the camera is outside your regions');
      if (why.reason === 'alert' && !(await this.video.alertExists(tx, why.alertId)))
        throw new ApiError('NOT_FOUND', 'no such alert');
      const now = this.clock.now();
      const expiresAt = Math.floor(now.getTime() / 1000) + this.config.tuning.api.playTokenTtlSeconds;
      const token = signPlayToken(this.config.media.secret, { userId: user.userId, cameraId, expiresAt });
      await this.audit.record(tx, {
        occurredAt: now,
        actorUserId: user.userId,
        actorRole: user.role,
        action: 'video.play',
        targetType: 'camera',
        targetId: cameraId,
        detail: why.reason === 'alert' ? { reason: 'alert', alertId: why.alertId } : { reason: 'patrol' },
      });
      const base = this.config.media.publicUrl;
      const q = `token=${encodeURIComponent(token)}`;
      return {
        cameraId,
        name: camera.name,
        county: camera.county,
        township: camera.township,
        online: camera.online,
        token,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        hlsUrl: `${base}/hls/${cameraId}/index.m3u8?${q}`,
        flvUrl: `${base}/flv/${cameraId}.flv?${q}`,
        wsFlvUrl: `${base.replace(/^http/, 'ws')}/flv/${cameraId}.flv?${q}`,
      };
    });
  }
}
