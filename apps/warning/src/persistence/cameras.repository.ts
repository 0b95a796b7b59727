import { type SiteType } from '@fengqiao/contracts';
import { type Queryable } from '@fengqiao/db';
import { type CameraSite } from '@fengqiao/rules';

interface CameraRow {
  camera_id: string;
  site_type: SiteType;
  county: string;
  township: string;
  grid: string | null;
  lon: number;
  lat: number;
}

/** The camera registry and last known stream state as ingest stored them (read-only here). */
export class CamerasRepository {
  async allSites(db: Queryable): Promise<CameraSite[]> {
    const r = await db.query<CameraRow>(
      'SELECT camera_id, site_type, county, township, grid, lon, lat FROM cameras',
    );
    return r.rows.map((c) => {
      const site = { cameraId: c.camera_id, county: c.county, township: c.township, siteType: c.site_type };
      const location = { lon: c.lon, lat: c.lat };
      return c.grid === null ? { ...site, location } : { ...site, grid: c.grid, location };
    });
  }

  /** Cameras whose last reported state is offline, with when they went dark. */
  async offline(db: Queryable): Promise<{ cameraId: string; since: Date }[]> {
    const r = await db.query<{ camera_id: string; changed_at: Date }>(
      'SELECT camera_id, changed_at FROM camera_state WHERE NOT online ORDER BY camera_id',
    );
    return r.rows.map((row) => ({ cameraId: row.camera_id, since: row.changed_at }));
  }
}
