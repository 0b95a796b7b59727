import { type CameraSummary } from '@fengqiao/contracts';
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
  };
}
