import {
  type CameraAnalyticsRow,
  type CameraRegionRow,
  type CameraRow,
  type CameraStatusRow,
  type CaseEventRow,
} from './event-rows';
import { type Queryable } from './transaction';

// Each method is one statement: rows travel as parallel arrays through unnest(), so a batch of any
// size is one round trip with a fixed parameter count. Rollup counts come from the rows an INSERT
// ... ON CONFLICT DO NOTHING actually inserted, so a redelivered batch adds nothing to them.
// Buckets use date_bin from a UTC origin so they do not depend on the session time zone.

const CASE_EVENTS_INSERTED = `
WITH src AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::jsonb[])
    AS s(event_id, occurred_at, case_id, type, channel, county, township, village, grid, category, tier, payload)
), ins AS (
  INSERT INTO case_events (event_id, occurred_at, case_id, type, channel, county, township, village, grid,
                           category, tier, payload)
  SELECT * FROM src ON CONFLICT DO NOTHING
  RETURNING event_id, occurred_at, county, township, type, category
)`;

const CASE_EVENTS_ROLLUP = `, roll AS (
  INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events)
  SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), county, township, 'case',
         category, count(*)
  FROM ins WHERE type = 'reported' AND category IS NOT NULL
  GROUP BY 1, 2, 3, 5 ORDER BY 1, 3, 5
  ON CONFLICT (bucket, township, source, category)
  DO UPDATE SET events = region_hourly_rollup.events + EXCLUDED.events
)`;

const COUNT_INSERTED = `
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

const IDS_INSERTED = `
SELECT event_id FROM ins`;

const INSERT_CAMERA_STATUS = `
WITH src AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[], $5::real[], $6::real[], $7::int[],
                       $8::text[], $9::jsonb[])
    AS s(event_id, occurred_at, camera_id, online, bitrate_kbps, fps, last_frame_age_ms, source, health)
), ins AS (
  INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, bitrate_kbps, fps, last_frame_age_ms,
    source)
  SELECT event_id, occurred_at, camera_id, online, bitrate_kbps, fps, last_frame_age_ms, source FROM src
  ON CONFLICT DO NOTHING RETURNING 1
), latest AS (
  -- The newest event per camera, and the newest prober sample among the batch's (health first).
  SELECT DISTINCT ON (camera_id) *,
    first_value(health) OVER w AS last_health,
    first_value(CASE WHEN health IS NOT NULL THEN occurred_at END) OVER w AS last_health_at
  FROM src WINDOW w AS (PARTITION BY camera_id ORDER BY health IS NULL, occurred_at DESC)
  ORDER BY camera_id, occurred_at DESC
), state AS (
  INSERT INTO camera_state (camera_id, online, bitrate_kbps, fps, last_frame_age_ms, changed_at, seen_at, health,
    health_at)
  SELECT camera_id, online, bitrate_kbps, fps, last_frame_age_ms, occurred_at, occurred_at, last_health,
    last_health_at FROM latest
  ON CONFLICT (camera_id) DO UPDATE SET
    online = EXCLUDED.online, bitrate_kbps = EXCLUDED.bitrate_kbps, fps = EXCLUDED.fps,
    last_frame_age_ms = EXCLUDED.last_frame_age_ms, seen_at = EXCLUDED.seen_at,
    health = coalesce(EXCLUDED.health, camera_state.health),
    health_at = coalesce(EXCLUDED.health_at, camera_state.health_at),
    changed_at = CASE WHEN camera_state.online IS DISTINCT FROM EXCLUDED.online
                      THEN EXCLUDED.changed_at ELSE camera_state.changed_at END
  WHERE camera_state.seen_at < EXCLUDED.seen_at
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

const CAMERA_ANALYTICS_INSERTED = `
WITH src AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::real[], $6::int[], $7::text[],
                       $8::text[], $9::text[])
    AS s(event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref, county, township)
), ins AS (
  INSERT INTO camera_analytics_events (event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref,
                                       county, township)
  SELECT event_id, occurred_at, camera_id, kind, confidence, head_count, snapshot_ref, county, township FROM src
  ON CONFLICT DO NOTHING RETURNING event_id, occurred_at
)`;

const CAMERA_ANALYTICS_ROLLUP = `, roll AS (
  INSERT INTO region_hourly_rollup (bucket, county, township, source, category, events)
  SELECT date_bin('1 hour', src.occurred_at, timestamptz '2000-01-01 00:00:00+00'), src.county, src.township,
         'analytics', src.kind, count(*)
  FROM ins JOIN src USING (event_id, occurred_at)
  GROUP BY 1, 2, 3, 5 ORDER BY 1, 3, 5
  ON CONFLICT (bucket, township, source, category)
  DO UPDATE SET events = region_hourly_rollup.events + EXCLUDED.events
)`;

/** 'r': the trigger-kept table the writer fills (plain PostgreSQL); 'v': continuous aggregates do it. */
const ROLLUP_KIND = `SELECT relkind::text AS kind FROM pg_class WHERE oid = to_regclass('region_hourly_rollup')`;

const UPSERT_CAMERAS = `
INSERT INTO cameras (camera_id, name, site_type, county, township, village, grid, lon, lat, department,
                     stream_key, registered_at)
SELECT DISTINCT ON (camera_id) *
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
            $8::float8[], $9::float8[], $10::text[], $11::text[], $12::timestamptz[])
  AS s(camera_id, name, site_type, county, township, village, grid, lon, lat, department, stream_key, registered_at)
ORDER BY camera_id, registered_at DESC
ON CONFLICT (camera_id) DO UPDATE SET
  name = EXCLUDED.name, site_type = EXCLUDED.site_type, county = EXCLUDED.county, township = EXCLUDED.township,
  village = EXCLUDED.village, grid = EXCLUDED.grid, lon = EXCLUDED.lon, lat = EXCLUDED.lat,
  department = EXCLUDED.department, stream_key = EXCLUDED.stream_key, registered_at = EXCLUDED.registered_at,
  updated_at = now()
WHERE cameras.registered_at <= EXCLUDED.registered_at`;

const FIND_CAMERA_REGIONS = `
SELECT camera_id AS "cameraId", county, township FROM cameras WHERE camera_id = ANY($1::text[])`;

/**
 * The raw event tables, camera registry and latest state, and the region rollup the ingest writes
 * where it is a table (plain PostgreSQL). Under TimescaleDB region_hourly_rollup is a view over
 * continuous aggregates (migration 20261206203200) and the writer leaves it alone. Which one is
 * asked once per instance: an instance serves one database.
 */
export class EventStoreRepository {
  private writerRollup: Promise<boolean> | undefined;

  /** True when this database's hourly rollup is a table that the writer must keep. */
  async writesRollup(db: Queryable): Promise<boolean> {
    this.writerRollup ??= db.query<{ kind: string }>(ROLLUP_KIND).then(
      (res) => res.rows[0]?.kind === 'r',
      (err: unknown) => {
        this.writerRollup = undefined;
        throw err;
      },
    );
    return this.writerRollup;
  }

  /** Inserts case events not yet stored and counts the new `reported` ones into the rollup. */
  async insertCaseEvents(db: Queryable, rows: readonly CaseEventRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    return inserted(await this.caseEventsInsert<{ inserted: number }>(db, rows, COUNT_INSERTED));
  }

  /**
   * As `insertCaseEvents`, answering the ids of the events this statement inserted (not those
   * already stored): what a bulk writer hands the folded case projection (`CaseProjectionRepository`).
   */
  async insertCaseEventIds(db: Queryable, rows: readonly CaseEventRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const r = await this.caseEventsInsert<{ event_id: string }>(db, rows, IDS_INSERTED);
    return r.rows.map((row) => row.event_id);
  }

  private async caseEventsInsert<R extends object>(
    db: Queryable,
    rows: readonly CaseEventRow[],
    answer: string,
  ): Promise<{ rows: R[] }> {
    const cols = [
      rows.map((r) => r.eventId),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.caseId),
      rows.map((r) => r.type),
      rows.map((r) => r.channel),
      rows.map((r) => r.county),
      rows.map((r) => r.township),
      rows.map((r) => r.village),
      rows.map((r) => r.grid),
      rows.map((r) => r.category),
      rows.map((r) => r.tier),
      rows.map((r) => r.payload),
    ];
    const roll = (await this.writesRollup(db)) ? CASE_EVENTS_ROLLUP : '';
    return db.query<R>(CASE_EVENTS_INSERTED + roll + answer, cols);
  }

  /** Inserts status history not yet stored and moves each camera's latest state forward. */
  async insertCameraStatus(db: Queryable, rows: readonly CameraStatusRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const cols = [
      rows.map((r) => r.eventId),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.cameraId),
      rows.map((r) => r.online),
      rows.map((r) => r.bitrateKbps),
      rows.map((r) => r.fps),
      rows.map((r) => r.lastFrameAgeMs),
      rows.map((r) => r.source),
      rows.map((r) => r.health ?? null),
    ];
    return inserted(await db.query<{ inserted: number }>(INSERT_CAMERA_STATUS, cols));
  }

  /** Inserts analytics events not yet stored and counts them per township and kind. */
  async insertCameraAnalytics(db: Queryable, rows: readonly CameraAnalyticsRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const cols = [
      rows.map((r) => r.eventId),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.cameraId),
      rows.map((r) => r.kind),
      rows.map((r) => r.confidence),
      rows.map((r) => r.headCount),
      rows.map((r) => r.snapshotRef),
      rows.map((r) => r.county),
      rows.map((r) => r.township),
    ];
    const roll = (await this.writesRollup(db)) ? CAMERA_ANALYTICS_ROLLUP : '';
    return inserted(
      await db.query<{ inserted: number }>(CAMERA_ANALYTICS_INSERTED + roll + COUNT_INSERTED, cols),
    );
  }

  /** Upserts registry entries; an older registration never overwrites a newer one. */
  async upsertCameras(db: Queryable, rows: readonly CameraRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const cols = [
      rows.map((r) => r.cameraId),
      rows.map((r) => r.name),
      rows.map((r) => r.siteType),
      rows.map((r) => r.county),
      rows.map((r) => r.township),
      rows.map((r) => r.village),
      rows.map((r) => r.grid),
      rows.map((r) => r.lon),
      rows.map((r) => r.lat),
      rows.map((r) => r.department),
      rows.map((r) => r.streamKey),
      rows.map((r) => r.registeredAt),
    ];
    return (await db.query(UPSERT_CAMERAS, cols)).rowCount ?? 0;
  }

  /** The case ids among `caseIds` whose case exists (its `reported` event was stored). */
  async findKnownCases(db: Queryable, caseIds: readonly string[]): Promise<string[]> {
    if (caseIds.length === 0) return [];
    const res = await db.query<{ case_id: string }>(
      'SELECT case_id FROM cases WHERE case_id = ANY($1::text[])',
      [caseIds],
    );
    return res.rows.map((r) => r.case_id);
  }

  /** The registered region of each known camera among `cameraIds`. */
  async findCameraRegions(db: Queryable, cameraIds: readonly string[]): Promise<CameraRegionRow[]> {
    if (cameraIds.length === 0) return [];
    return (await db.query<CameraRegionRow>(FIND_CAMERA_REGIONS, [cameraIds])).rows;
  }
}

function inserted(result: { rows: { inserted: number }[] }): number {
  return result.rows[0]?.inserted ?? 0;
}
