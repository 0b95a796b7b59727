import { Injectable } from '@nestjs/common';
import { type Queryable } from '../infra/database';

export interface PlayableCameraRow {
  readonly camera_id: string;
  readonly name: string;
  readonly county: string;
  readonly township: string;
  readonly online: boolean | null;
}

@Injectable()
export class VideoRepository {
  async camera(db: Queryable, cameraId: string): Promise<PlayableCameraRow | undefined> {
    const res = await db.query<PlayableCameraRow>(
      `SELECT c.camera_id, c.name, c.county, c.township, s.online
       FROM cameras c LEFT JOIN camera_state s USING (camera_id) WHERE c.camera_id = $1`,
      [cameraId],
    );
    return res.rows[0];
  }

  async alertExists(db: Queryable, alertId: string): Promise<boolean> {
    const res = await db.query('SELECT 1 FROM alerts WHERE alert_id = $1', [alertId]);
    return res.rowCount === 1;
  }
}
