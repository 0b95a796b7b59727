import { type TownshipRef } from '@fengqiao/gb28181';
import { RegionsRepository, type DbPool } from '@fengqiao/db';

/** Every township with its centre: where a channel whose civil code names only its county is placed. */
export async function loadTownships(pool: DbPool): Promise<TownshipRef[]> {
  return new RegionsRepository().townshipCentres(pool);
}
