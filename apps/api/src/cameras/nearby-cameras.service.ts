import { Inject, Injectable } from '@nestjs/common';
import { type NearestCamerasResponse } from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';
import { type AuthUser } from '../auth/auth-user';
import { codeInScope, inScope } from '../auth/region-scope';
import { ApiError } from '../common/api-error';
import { type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { CLOCK } from '../infra/tokens';
import { cameraItemOf } from './camera-item';
import { type AlertOriginRow, NearbyCamerasRepository } from './nearby-cameras.repository';

type Origin = NearestCamerasResponse['origin'];

/** The alert's own location; else its township's (or county's) centre; else the built-in county seat. */
function originOf(a: AlertOriginRow): Origin | undefined {
  if (a.lon !== null && a.lat !== null) return { lon: a.lon, lat: a.lat, source: 'alert-location' };
  if (a.centroid_lon !== null && a.centroid_lat !== null)
    return { lon: a.centroid_lon, lat: a.centroid_lat, source: 'region-centroid' };
  const seat = BUILT_IN_DISTRICTS.find((d) => d.code === a.county)?.seat;
  return seat === undefined ? undefined : { ...seat, source: 'region-centroid' };
}

/** Cameras around a point or an alert, nearest first, each with whether its video is live. */
@Injectable()
export class NearbyCamerasService {
  constructor(
    private readonly db: Database,
    private readonly cameras: NearbyCamerasRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Around any point, but only the caller's cameras: a scoped user sees the cameras of their
   * regions (more candidates are read so the cut rarely leaves fewer than k).
   */
  async nearPoint(
    user: AuthUser,
    lat: number,
    lon: number,
    k: number,
    radiusM: number,
  ): Promise<NearestCamerasResponse> {
    const scoped = user.regions.length > 0;
    const found = await this.around({ lon, lat, source: 'point' }, scoped ? k * 4 : k, radiusM);
    if (!scoped) return found;
    const items = found.items.filter((c) => codeInScope(user.regions, c.township)).slice(0, k);
    return { ...found, items };
  }

  async nearAlert(
    user: AuthUser,
    alertId: string,
    k: number,
    radiusM: number,
  ): Promise<NearestCamerasResponse> {
    const alert = await this.cameras.alertOrigin(this.db.pool, alertId);
    // Out of scope looks like absent, as in the alert detail.
    if (alert === undefined || !inScope(user.regions, alert))
      throw new ApiError('NOT_FOUND', 'no such alert');
    const origin = originOf(alert);
    if (origin === undefined) throw new ApiError('NOT_FOUND', 'the alert has no known place');
    return this.around(origin, k, radiusM);
  }

  private async around(origin: Origin, k: number, radiusM: number): Promise<NearestCamerasResponse> {
    const rows = await this.cameras.nearest(this.db.pool, origin, k, radiusM, this.clock.now());
    return {
      origin,
      items: rows.map((r) => ({ ...cameraItemOf(r), distanceM: Math.round(r.distance_m) })),
    };
  }
}
