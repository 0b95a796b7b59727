import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CameraStatusAppender, type CameraStatusRow, type DbPool } from '@fengqiao/db';
import { from as copyFrom } from 'pg-copy-streams';
import { benchCameraId, CAMERA_COUNT, median } from './bench-env';

const CHUNK = 5000;
/** What the ingest passes by default (config.tuning.ingest.stateSeenResolutionMs). */
const SEEN_RESOLUTION_MS = 5000;
const appender = new CameraStatusAppender(SEEN_RESOLUTION_MS);
let nextCamera = 0;
let simulatedMs = Date.now();

// Chunks walk the 31,000-camera fleet on the clock of the full load (every camera once a
// second: a 5,000-row chunk is 161 ms of it), whatever rate the machine reaches, so the latest-state
// rules see the production pattern. Writer and COPY write the same rows.
function rows(n: number): CameraStatusRow[] {
  const at = new Date(simulatedMs).toISOString();
  simulatedMs += (n / CAMERA_COUNT) * 1000;
  const first = nextCamera;
  nextCamera = (nextCamera + n) % CAMERA_COUNT;
  return Array.from({ length: n }, (_, i) => ({
    eventId: randomUUID(),
    occurredAt: at,
    cameraId: benchCameraId(first + i),
    online: true,
    bitrateKbps: 2048,
    fps: 25,
    lastFrameAgeMs: 40,
    source: 'device',
  }));
}

/** Rows/s of the ingest's status writer (history + latest state, 5,000-row transactions) for `durationS`. */
export async function measureWriter(pool: DbPool, durationS: number): Promise<number> {
  let written = 0;
  const t0 = Date.now();
  while (Date.now() - t0 < durationS * 1000) {
    const chunk = rows(CHUNK);
    await appender.append(pool, chunk);
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

export interface WriterComparison {
  /** rows/s of each repetition, writer measured first then COPY. */
  readonly writerFirst: { writer: number[]; copy: number[] };
  /** ...and COPY first then the writer, in the same repetition. */
  readonly copyFirst: { writer: number[]; copy: number[] };
}

/**
 * Both orders in every repetition (W C, then C W): the table and its indexes grow through the run,
 * so whichever goes second writes into a bigger table; the two ratios bracket that drift.
 */
export async function compareWriterAndCopy(
  pool: DbPool,
  durationS: number,
  reps: number,
): Promise<WriterComparison> {
  const out: WriterComparison = {
    writerFirst: { writer: [], copy: [] },
    copyFirst: { writer: [], copy: [] },
  };
  for (let i = 0; i < reps; i++) {
    out.writerFirst.writer.push(await measureWriter(pool, durationS));
    out.writerFirst.copy.push(await measureCopy(pool, durationS));
    out.copyFirst.copy.push(await measureCopy(pool, durationS));
    out.copyFirst.writer.push(await measureWriter(pool, durationS));
  }
  return out;
}

/**
 * Medians and ratios of a comparison, one line per order: the ratio of the medians, and the median
 * of each repetition's own ratio (its two runs were adjacent, so they shared the machine's load).
 */
export function writerComparisonLines(c: WriterComparison): string[] {
  const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
  const line = (name: string, o: { writer: number[]; copy: number[] }): string => {
    const pairs = o.writer.map((w, i) => w / (o.copy[i] ?? Number.NaN));
    return (
      `db writer (${name}): ours ${fmt(median(o.writer))} rows/s [${o.writer.map(fmt).join(' / ')}], raw COPY ` +
      `${fmt(median(o.copy))} rows/s [${o.copy.map(fmt).join(' / ')}], ratio of medians ` +
      `${(median(o.writer) / median(o.copy)).toFixed(2)}, median of paired ratios ${median(pairs).toFixed(2)} ` +
      `[${pairs.map((r) => r.toFixed(2)).join(' / ')}] (goal ≥ 0.7)`
    );
  };
  return [line('writer first', c.writerFirst), line('COPY first', c.copyFirst)];
}
