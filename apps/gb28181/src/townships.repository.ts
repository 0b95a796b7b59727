import { type TownshipRef } from '@fengqiao/gb28181';
import { type DbPool } from '@fengqiao/db';

/** Every township with its centre: where a channel whose civil code names only its county is placed. */
export async function loadTownships(pool: DbPool): Promise<TownshipRef[]> {
  const { rows } = await pool.query<{ code: string; lon: number; lat: number }>(
    `SELECT code, lon, lat FROM regions WHERE level = 'township' ORDER BY code`,
  );
  return rows;
}
