import { Inject, Injectable } from '@nestjs/common';
import {
  type CameraSearchQuery,
  type CameraSearchResponse,
  type CameraStatusQuery,
  type CameraStatusResponse,
} from '@fengqiao/contracts';
import { type AuthUser } from '../auth/auth-user';
import { assertRegionVisible, codeInScope, scopeRegionQuery } from '../auth/region-scope';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { cameraItemOf } from './camera-item';
import { CamerasRepository } from './cameras.repository';

@Injectable()
export class CamerasService {
  constructor(
    private readonly db: Database,
    private readonly cameras: CamerasRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Narrowed to the caller's regions: a named region outside them is 403 (scopeRegionQuery). */
  async search(user: AuthUser, query: CameraSearchQuery): Promise<CameraSearchResponse> {
    const q = scopeRegionQuery(user.regions, query);
    const filter = {
      q: q.q ?? null,
      county: q.county ?? null,
      township: q.township ?? null,
      siteType: q.siteType ?? null,
      online: q.online === undefined ? null : q.online === 'true',
      streamState: q.streamState ?? null,
      after: q.after ?? null,
      limit: q.limit + 1,
    };
    const rows = await this.cameras.search(this.db.pool, filter, this.clock.now());
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(cameraItemOf),
      nextAfter: rows.length > q.limit ? (page[page.length - 1]?.camera_id ?? null) : null,
    };
  }

  /** A named county must be in scope (403); the rows are only those inside the caller's regions. */
  async status(user: AuthUser, q: CameraStatusQuery): Promise<CameraStatusResponse> {
    assertRegionVisible(user.regions, q.county, 'county');
    const rows = await this.cameras.statusByRegion(this.db.pool, q.county ?? null);
    return {
      level: q.county === undefined ? 'county' : 'township',
      rows: rows
        .filter((r) => codeInScope(user.regions, r.region))
        .map((r) => ({
          ...r,
          onlineShare: r.total === 0 ? 0 : Math.round((r.online / r.total) * 10_000) / 10_000,
        })),
    };
  }
}
