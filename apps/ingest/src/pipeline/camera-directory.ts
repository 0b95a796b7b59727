import { type CameraRegionRow, type DbPool, type EventStoreRepository } from '@fengqiao/db';

// 31,000 cameras today; the cap keeps a flood of forged ids from growing the cache without bound.
const MAX_CACHED_CAMERAS = 200_000;

/**
 * Camera id → registered region, read through from the cameras table. Only hits are cached, so a
 * camera registered after its first (dead-lettered) event is found on its next one.
 */
export class CameraDirectory {
  private readonly cache = new Map<string, CameraRegionRow>();

  constructor(
    private readonly pool: DbPool,
    private readonly store: EventStoreRepository,
  ) {}

  /** The regions of the known cameras among `ids`; one query for all the ids not cached. */
  async resolve(ids: Iterable<string>): Promise<Map<string, CameraRegionRow>> {
    const found = new Map<string, CameraRegionRow>();
    const missing = new Set<string>();
    for (const id of ids) {
      const hit = this.cache.get(id);
      if (hit === undefined) missing.add(id);
      else found.set(id, hit);
    }
    if (missing.size > 0) {
      const rows = await this.store.findCameraRegions(this.pool, [...missing]);
      this.remember(rows);
      for (const row of rows) found.set(row.cameraId, row);
    }
    return found;
  }

  remember(rows: Iterable<CameraRegionRow>): void {
    for (const row of rows) {
      if (this.cache.size >= MAX_CACHED_CAMERAS && !this.cache.has(row.cameraId)) this.cache.clear();
      this.cache.set(row.cameraId, row);
    }
  }
}
