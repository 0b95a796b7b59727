import { cameraSites, type Queryable } from '@fengqiao/db';
import { type CameraSite } from '@fengqiao/rules';

/** The camera registry and last known stream state as ingest stored them (read-only here). */
export class CamerasRepository {
  allSites(db: Queryable): Promise<CameraSite[]> {
    return cameraSites(db);
  }

  /** Cameras whose last reported state is offline, with when they went dark. */
  async offline(db: Queryable): Promise<{ cameraId: string; since: Date }[]> {
    const r = await db.query<{ camera_id: string; changed_at: Date }>(
      'SELECT camera_id, changed_at FROM camera_state WHERE NOT online ORDER BY camera_id',
    );
    return r.rows.map((row) => ({ cameraId: row.camera_id, since: row.changed_at }));
  }
}
