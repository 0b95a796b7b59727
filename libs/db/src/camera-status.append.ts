import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CameraStateFilter } from './camera-state.filter';
import { type CameraStatusRow } from './event-rows';
import { type DbPool } from './pool';
import { sqlStateOf, withTransaction } from './transaction';

// The ingest's status path (issue 18, decision 0019). Status rows are 90 % of the traffic; measured
// on TimescaleDB, the one-statement upsert (unnest + ON CONFLICT on the random event id + a
// camera_state update per row) wrote ~0.6x what COPY writes into the same hypertable. Here the
// history goes in by COPY, optimistically: the primary key still refuses a stored event id, and a
// batch that meets one (a redelivery after a crash, a producer's retried send) is rolled back and
// written again with ON CONFLICT DO NOTHING, so no event is stored twice.

const UNIQUE_VIOLATION = '23505';

const COPY_STATUS = `COPY camera_status_events (event_id, occurred_at, camera_id, online, bitrate_kbps, fps,
  last_frame_age_ms, source) FROM STDIN`;

const INSERT_STATUS_IDEMPOTENT = `
WITH ins AS (
  INSERT INTO camera_status_events (event_id, occurred_at, camera_id, online, bitrate_kbps, fps, last_frame_age_ms,
    source)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::boolean[], $5::real[], $6::real[], $7::int[],
                       $8::text[])
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

// Latest state, written only when it says something new: the camera's online flag changed, a prober
// sample came, the camera is new, or the stored "last seen" is older than the resolution ($8 ms).
// Heartbeats in between leave the row alone (no new row version, no WAL); at one heartbeat a second
// per camera that is most of them. seen_at, bitrate, fps and frame age lag by at most the resolution.
const STATE_ON_CHANGE = `
WITH latest AS (
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::boolean[], $4::real[], $5::real[], $6::int[], $7::jsonb[],
                       $8::timestamptz[])
    AS s(camera_id, occurred_at, online, bitrate_kbps, fps, last_frame_age_ms, last_health, last_health_at)
), upd AS (
  UPDATE camera_state c SET
    online = l.online, bitrate_kbps = l.bitrate_kbps, fps = l.fps, last_frame_age_ms = l.last_frame_age_ms,
    seen_at = l.occurred_at, health = coalesce(l.last_health, c.health),
    health_at = coalesce(l.last_health_at, c.health_at),
    changed_at = CASE WHEN c.online IS DISTINCT FROM l.online THEN l.occurred_at ELSE c.changed_at END
  FROM latest l
  WHERE c.camera_id = l.camera_id AND c.seen_at < l.occurred_at
    AND (c.online IS DISTINCT FROM l.online OR l.last_health IS NOT NULL
         OR c.seen_at <= l.occurred_at - make_interval(secs => $9::float8 / 1000))
)
INSERT INTO camera_state (camera_id, online, bitrate_kbps, fps, last_frame_age_ms, changed_at, seen_at, health,
  health_at)
SELECT camera_id, online, bitrate_kbps, fps, last_frame_age_ms, occurred_at, occurred_at, last_health, last_health_at
FROM latest l WHERE NOT EXISTS (SELECT 1 FROM camera_state c WHERE c.camera_id = l.camera_id)
ON CONFLICT (camera_id) DO UPDATE SET
  online = EXCLUDED.online, bitrate_kbps = EXCLUDED.bitrate_kbps, fps = EXCLUDED.fps,
  last_frame_age_ms = EXCLUDED.last_frame_age_ms, seen_at = EXCLUDED.seen_at,
  health = coalesce(EXCLUDED.health, camera_state.health),
  health_at = coalesce(EXCLUDED.health_at, camera_state.health_at),
  changed_at = CASE WHEN camera_state.online IS DISTINCT FROM EXCLUDED.online
                    THEN EXCLUDED.changed_at ELSE camera_state.changed_at END
WHERE camera_state.seen_at < EXCLUDED.seen_at`;

/**
 * Appends status history (COPY; ON CONFLICT only for a batch holding an already stored event id)
 * and moves each camera's latest state forward when it changed, on two connections at once. One
 * per process: it remembers what it wrote.
 */
export class CameraStatusAppender {
  private readonly filter: CameraStateFilter;

  constructor(private readonly seenResolutionMs: number) {
    this.filter = new CameraStateFilter(seenResolutionMs);
  }

  /** Returns the history rows actually inserted. */
  async append(pool: DbPool, rows: readonly CameraStatusRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const state = this.filter.select(latestPerCamera(rows), (l) => l.health !== undefined);
    // History and state on two connections at once, each atomic on its own: both are idempotent and
    // the offsets are committed only after both, so a failure of either redelivers the flush.
    const [history, latest] = await Promise.allSettled([
      appendHistory(pool, rows),
      state.length === 0 ? Promise.resolve() : this.writeState(pool, state),
    ]);
    if (history.status === 'rejected') throw history.reason;
    if (latest.status === 'rejected') throw latest.reason;
    this.filter.remember(state);
    return history.value;
  }

  private async writeState(pool: DbPool, latest: readonly Latest[]): Promise<void> {
    await pool.query(STATE_ON_CHANGE, [
      latest.map((l) => l.row.cameraId),
      latest.map((l) => l.row.occurredAt),
      latest.map((l) => l.row.online),
      latest.map((l) => l.row.bitrateKbps),
      latest.map((l) => l.row.fps),
      latest.map((l) => l.row.lastFrameAgeMs),
      latest.map((l) => l.health?.health ?? null),
      latest.map((l) => l.health?.occurredAt ?? null),
      this.seenResolutionMs,
    ]);
  }
}

// COPY is atomic on its own: no transaction around it (two round trips fewer per flush). A batch
// holding a stored event id (rare: a redelivery) fails whole and is written again with ON CONFLICT.
async function appendHistory(pool: DbPool, rows: readonly CameraStatusRow[]): Promise<number> {
  const client = await pool.connect();
  try {
    await pipeline(Readable.from([statusCopyText(rows)]), client.query(copyFrom(COPY_STATUS)));
    client.release();
    return rows.length;
  } catch (err) {
    // A failed COPY may leave the session mid-protocol: the connection is not reused.
    client.release(err instanceof Error ? err : new Error(String(err)));
    if (sqlStateOf(err) !== UNIQUE_VIOLATION) throw err;
  }
  return withTransaction(pool, (c) => insertIdempotent(c, rows));
}

interface Latest {
  row: CameraStatusRow;
  /** The newest prober sample of the batch (health first, whatever the newest row carries). */
  health?: { health: string; occurredAt: string };
}

// One row per camera, computed here rather than by sorting text keys in the statement (measured:
// the two sorts cost as much as the COPY). ISO-8601 UTC strings of one format compare as times.
function latestPerCamera(rows: readonly CameraStatusRow[]): Latest[] {
  const by = new Map<string, Latest>();
  for (const row of rows) {
    const seen = by.get(row.cameraId);
    const entry = seen ?? { row };
    if (seen !== undefined && newer(row.occurredAt, seen.row.occurredAt)) entry.row = row;
    const h = row.health ?? null;
    if (h !== null && (entry.health === undefined || newer(row.occurredAt, entry.health.occurredAt)))
      entry.health = { health: h, occurredAt: row.occurredAt };
    by.set(row.cameraId, entry);
  }
  return [...by.values()];
}

function newer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

async function insertIdempotent(client: PoolClient, rows: readonly CameraStatusRow[]): Promise<number> {
  const res = await client.query<{ inserted: number }>(INSERT_STATUS_IDEMPOTENT, [
    rows.map((r) => r.eventId),
    rows.map((r) => r.occurredAt),
    rows.map((r) => r.cameraId),
    rows.map((r) => r.online),
    rows.map((r) => r.bitrateKbps),
    rows.map((r) => r.fps),
    rows.map((r) => r.lastFrameAgeMs),
    rows.map((r) => r.source),
  ]);
  return res.rows[0]?.inserted ?? 0;
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes in text. */
export function statusCopyText(rows: readonly CameraStatusRow[]): string {
  let out = '';
  for (const r of rows)
    out +=
      `${r.eventId}\t${r.occurredAt}\t${copyText(r.cameraId)}\t${r.online ? 't' : 'f'}\t${copyNumber(r.bitrateKbps)}\t` +
      `${copyNumber(r.fps)}\t${copyNumber(r.lastFrameAgeMs)}\t${r.source === null ? '\\N' : copyText(r.source)}\n`;
  return out;
}

function copyNumber(n: number | null): string {
  return n === null ? '\\N' : String(n);
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function copyText(s: string): string {
  return s.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c] ?? c);
}
