import { type DbPool } from '@fengqiao/db';
import { type CameraSpec, type Region } from '@fengqiao/geo';

const CHUNK = 5_000;

const UPSERT_REGIONS = `
INSERT INTO regions (code, level, parent, name, lon, lat, population_weight, urban)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[], $8::bool[])
ON CONFLICT (code) DO UPDATE SET
  level = EXCLUDED.level, parent = EXCLUDED.parent, name = EXCLUDED.name, lon = EXCLUDED.lon,
  lat = EXCLUDED.lat, population_weight = EXCLUDED.population_weight, urban = EXCLUDED.urban`;

// The registry row as the ingest writes it from camera.registered.v1; an existing row is newer or equal.
const INSERT_CAMERAS = `
INSERT INTO cameras (camera_id, name, site_type, county, township, village, grid, lon, lat, department,
                     stream_key, registered_at)
SELECT c.*, $12::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
  $7::text[], $8::float8[], $9::float8[], $10::text[], $11::text[]) AS c
ON CONFLICT (camera_id) DO NOTHING`;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The seed's reads and writes of the regions and cameras tables. */
export class RegistryRepository {
  constructor(private readonly pool: DbPool) {}

  async countRegions(codes: readonly string[]): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM regions WHERE code = ANY($1)',
      [codes],
    );
    return r.rows[0]?.n ?? 0;
  }

  async upsertRegions(regions: readonly Region[], progress: (done: number) => void): Promise<void> {
    let done = 0;
    for (const part of chunks(regions)) {
      const col = <K extends keyof Region>(k: K): Region[K][] => part.map((r) => r[k]);
      await this.pool.query(UPSERT_REGIONS, [
        col('code'),
        col('level'),
        col('parent'),
        col('name'),
        part.map((r) => r.centre.lon),
        part.map((r) => r.centre.lat),
        col('population'),
        col('urban'),
      ]);
      progress((done += part.length));
    }
  }

  /** Removes regions the seeded city no longer has (only the seed writes this table). */
  async pruneRegions(codes: readonly string[]): Promise<number> {
    const r = await this.pool.query('DELETE FROM regions WHERE NOT (code = ANY($1))', [codes]);
    return r.rowCount ?? 0;
  }

  /**
   * Removes cameras an earlier demo seed registered that the current registry no longer has; only
   * rows carrying the demo's fixed registration instant are touched, never an upstream camera.
   */
  async pruneDemoCameras(ids: readonly string[], registeredAt: string): Promise<number> {
    const r = await this.pool.query(
      'DELETE FROM cameras WHERE registered_at = $2::timestamptz AND NOT (camera_id = ANY($1))',
      [ids, registeredAt],
    );
    return r.rowCount ?? 0;
  }

  async existingCameraIds(ids: readonly string[]): Promise<Set<string>> {
    const r = await this.pool.query<{ id: string }>(
      'SELECT camera_id AS id FROM cameras WHERE camera_id = ANY($1)',
      [ids],
    );
    return new Set(r.rows.map((row) => row.id));
  }

  async insertCameras(
    cameras: readonly CameraSpec[],
    registeredAt: string,
    progress: (done: number) => void,
  ): Promise<void> {
    let done = 0;
    for (const part of chunks(cameras)) {
      await this.pool.query(INSERT_CAMERAS, [
        part.map((c) => c.cameraId),
        part.map((c) => c.name),
        part.map((c) => c.siteType),
        part.map((c) => c.region.county),
        part.map((c) => c.region.township),
        part.map((c) => c.region.village),
        part.map((c) => c.region.grid),
        part.map((c) => c.location.lon),
        part.map((c) => c.location.lat),
        part.map((c) => c.department),
        part.map((c) => c.streamKey),
        registeredAt,
      ]);
      progress((done += part.length));
    }
  }
}
