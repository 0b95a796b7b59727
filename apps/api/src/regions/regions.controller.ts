import { Controller, Query } from '@nestjs/common';
import {
  geoPointSchema,
  regionChildrenQuerySchema,
  type RegionChildren,
  type RegionChildrenQuery,
  type RegionNode,
} from '@fengqiao/contracts';
import { RegionsRepository, type RegionRow } from '@fengqiao/db';
import { type AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { ApiError } from '../common/api-error';
import { ZodPipe } from '../common/zod-pipe';
import { Database } from '../infra/database';
import { Endpoint } from '../routes/endpoint.decorator';
import { regionVisible } from './region-scope';

/** A centre outside the city's bounding box (a hand-made row) is no representative point. */
function nodeOf(r: RegionRow): RegionNode {
  const point = geoPointSchema.safeParse({ lon: r.lon, lat: r.lat });
  return { code: r.code, name: r.name, level: r.level, point: point.success ? point.data : null };
}

@Controller()
export class RegionsController {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionsRepository,
  ) {}

  /** The address pickers' cascade: one level at a time, only what the caller's scope reaches. */
  @Endpoint('regions.children')
  async children(
    @CurrentUser() user: AuthUser,
    @Query(new ZodPipe(regionChildrenQuerySchema)) q: RegionChildrenQuery,
  ): Promise<RegionChildren> {
    const parent = q.parent ?? null;
    if (parent !== null) {
      if (!regionVisible(user.regions, parent))
        throw new ApiError('OUT_OF_SCOPE', 'region outside your regions');
      if (!(await this.regions.exists(this.db.pool, parent)))
        throw new ApiError('NOT_FOUND', 'no such region');
    }
    const rows = await this.regions.children(this.db.pool, parent);
    return { parent, regions: rows.filter((r) => regionVisible(user.regions, r.code)).map(nodeOf) };
  }
}
