import { Injectable } from '@nestjs/common';
import { type RegionLevel } from '@fengqiao/contracts';
import { type Queryable } from '../infra/database';

export interface RegionRow {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly lon: number;
  readonly lat: number;
}

/** Reads of the regions table the seed writes (libs/geo's generated hierarchy). */
@Injectable()
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
}
