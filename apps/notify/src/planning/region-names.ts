import { RegionsRepository, type DbPool } from '@fengqiao/db';
import { CITY_REGION } from '@fengqiao/notify';

const REGIONS = new RegionsRepository();

/**
 * Display names of region codes for messages (read-only; the regions table is the seed's); the whole
 * city's by its configured name (libs/geo `cityNameOf(config.city)`).
 */
export class RegionNames {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly pool: DbPool,
    private readonly cityName: string,
  ) {}

  async nameOf(codes: readonly string[]): Promise<string> {
    const missing = codes.filter((c) => !this.cache.has(c) && c !== CITY_REGION);
    if (missing.length > 0) {
      for (const r of await REGIONS.names(this.pool, missing)) this.cache.set(r.code, r.name);
    }
    return codes.map((c) => (c === CITY_REGION ? this.cityName : (this.cache.get(c) ?? c))).join(' ');
  }
}
