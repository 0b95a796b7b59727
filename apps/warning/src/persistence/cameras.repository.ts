import { cameraSites, offlineCameras, type Queryable } from '@fengqiao/db';
import { type CameraSite } from '@fengqiao/rules';

/** The camera registry and last known stream state as ingest stored them (read-only here). */
export class CamerasRepository {
  allSites(db: Queryable): Promise<CameraSite[]> {
    return cameraSites(db);
  }

  /** Cameras whose last reported state is offline, with when they went dark. */
  offline(db: Queryable): Promise<{ cameraId: string; since: Date }[]> {
    return offlineCameras(db);
  }
}
