import { type RegionLevel } from '@fengqiao/contracts';
import { type Queryable } from '../transaction';

export interface RegionRow {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly lon: number;
  readonly lat: number;
}

/**
 * Reads of the regions table the seed writes (libs/geo's generated hierarchy, the simulator's
 * registry): the API's region tree, the GB/T 28181 service's township centres, notify's names.
 */
export class RegionsRepository {
  /** The children of `parent` in code order; null parent = the counties. */
  async children(db: Queryable, parent: string | null): Promise<RegionRow[]> {
    const r = await db.query<RegionRow>(
      `SELECT code, name, level, lon, lat FROM regions
        WHERE ($1::text IS NULL AND level = 'county') OR parent = $1
        ORDER BY code`,
      [parent],
    );
    return r.rows;
  }

  async exists(db: Queryable, code: string): Promise<boolean> {
    const r = await db.query('SELECT 1 FROM regions WHERE code = $1', [code]);
    return (r.rowCount ?? 0) > 0;
  }

  /** Every township with its centre, in code order. */
  async townshipCentres(db: Queryable): Promise<{ code: string; lon: number; lat: number }[]> {
    const r = await db.query<{ code: string; lon: number; lat: number }>(
      `SELECT code, lon, lat FROM regions WHERE level = 'township' ORDER BY code`,
    );
    return r.rows;
  }

  /** The names of the given codes (a code without a row is left out). */
  async names(db: Queryable, codes: readonly string[]): Promise<{ code: string; name: string }[]> {
    const r = await db.query<{ code: string; name: string }>(
      'SELECT code, name FROM regions WHERE code = ANY($1)',
      [codes],
    );
    return r.rows;
  }
}
