import { OPEN } from './alerts/alert-store.sql';
import { type Queryable } from './transaction';

/** Within about this many metres of an open alert's location a camera counts as near it. */
export const NEAR_ALERT_METRES = 500;

/**
 * Of `cameraIds`, those near an open alert: within ~500 m of its location, or in its township (or
 * grid cell) when it has no location. The stream prober samples these first (issue 15).
 */
export async function camerasNearOpenAlerts(db: Queryable, cameraIds: readonly string[]): Promise<string[]> {
  if (cameraIds.length === 0) return [];
  // Degrees at Bazhong's latitude (~31.9° N): 1° lat ≈ 111 km, 1° lon ≈ 94 km.
  const dLat = NEAR_ALERT_METRES / 111_000;
  const dLon = NEAR_ALERT_METRES / 94_000;
  const { rows } = await db.query<{ camera_id: string }>(
    `SELECT DISTINCT c.camera_id
       FROM cameras c
       JOIN alerts a ON ${OPEN}
      WHERE c.camera_id = ANY($1::text[])
        AND (
          (a.lon IS NOT NULL AND abs(c.lon - a.lon) <= $2 AND abs(c.lat - a.lat) <= $3)
          OR (a.lon IS NULL AND a.grid IS NOT NULL AND c.grid = a.grid)
          OR (a.lon IS NULL AND a.grid IS NULL AND c.township = a.township)
        )`,
    [cameraIds, dLon, dLat],
  );
  return rows.map((r) => r.camera_id);
}
