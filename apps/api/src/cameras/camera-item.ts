import { type CameraHealth, type CameraSummary, streamHealthSchema } from '@fengqiao/contracts';
import { type CameraRow } from './cameras.repository';

/** A camera row as the search and the nearest-cameras answers show it (one mapper for both). */
export function cameraItemOf(r: CameraRow): CameraSummary {
  return {
    cameraId: r.camera_id,
    name: r.name,
    siteType: r.site_type,
    county: r.county,
    township: r.township,
    lon: r.lon,
    lat: r.lat,
    online: r.online,
    changedAt: r.changed_at?.toISOString() ?? null,
    streamState: r.stream_state,
    ...healthOf(r),
  };
}

/** The prober's last sample, when there is one that still reads as the contract says. */
function healthOf(r: CameraRow): { health?: CameraHealth } {
  const parsed = streamHealthSchema.safeParse(r.health);
  if (!parsed.success || r.health_at === undefined || r.health_at === null) return {};
  return { health: { ...parsed.data, at: r.health_at.toISOString() } };
}
