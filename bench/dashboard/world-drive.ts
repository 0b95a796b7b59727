import { randomInt } from 'node:crypto';
import { type DbPool } from '@fengqiao/db';

/**
 * The world's live sources between alerts, once per call (the benches call it every second): one
 * township's current-hour case count rises (the hotspot stream's input) and a few cameras change
 * state (the camera aggregates' input). The API polls both and streams what changed.
 */
export async function driveWorldTick(pool: DbPool): Promise<void> {
  await pool.query(
    `INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events)
     SELECT date_trunc('hour', now()), parent, code, 'case', 'neighbourhood', 1 + $1::int
     FROM regions WHERE level = 'township' ORDER BY code OFFSET $2 LIMIT 1
     ON CONFLICT (bucket, township, source, category)
     DO UPDATE SET events = region_hourly_rollup.events + EXCLUDED.events`,
    [randomInt(5), randomInt(120)],
  );
  await pool.query(
    `UPDATE camera_state SET online = NOT online, changed_at = now(), seen_at = now()
     WHERE camera_id IN (SELECT camera_id FROM cameras ORDER BY camera_id OFFSET $1 LIMIT 20)`,
    [randomInt(30_000)],
  );
}
