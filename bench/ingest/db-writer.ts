import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EventStoreRepository, withTransaction, type CameraStatusRow, type DbPool } from '@fengqiao/db';
import { from as copyFrom } from 'pg-copy-streams';
import { benchCameraId } from './bench-env';

const CHUNK = 5000;

function rows(n: number): CameraStatusRow[] {
  const at = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    eventId: randomUUID(),
    occurredAt: at,
    cameraId: benchCameraId(i),
    online: true,
    bitrateKbps: 2048,
    fps: 25,
    lastFrameAgeMs: 40,
    source: 'device',
  }));
}

/** Rows/s of our writer (history + latest state, 5,000-row transactions) for `durationS`. */
export async function measureWriter(pool: DbPool, durationS: number): Promise<number> {
  const store = new EventStoreRepository();
  let written = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < durationS * 1000) {
    const chunk = rows(CHUNK);
    await withTransaction(pool, (c) => store.insertCameraStatus(c, chunk));
    written += CHUNK;
  }
  return written / ((Date.now() - t0) / 1000);
}

/** Rows/s of a raw COPY FROM STDIN into the same table, in chunks of the same size. */
export async function measureCopy(pool: DbPool, durationS: number): Promise<number> {
  let written = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < durationS * 1000) {
    const text = rows(CHUNK)
      .map(
        (r) =>
          `${r.eventId}\t${r.occurredAt}\t${r.cameraId}\tt\t${r.bitrateKbps}\t${r.fps}\t${r.lastFrameAgeMs}\t${r.source}\n`,
      )
      .join('');
    const client = await pool.connect();
    try {
      const sql =
        'COPY camera_status_events (event_id, occurred_at, camera_id, online, bitrate_kbps, fps, last_frame_age_ms, source) FROM STDIN';
      await pipeline(Readable.from([text]), client.query(copyFrom(sql)));
    } finally {
      client.release();
    }
    written += CHUNK;
  }
  return written / ((Date.now() - t0) / 1000);
}
