import { spawn } from 'node:child_process';
import { TIMECODE } from '../../apps/media/src/cameras/synthetic-camera';
import { playToken } from '../../apps/media/src/testing/media-harness';
import { type VideoBenchEnv } from './bench-env';
import { type LatencyFigures } from './latency';
import { quantile } from './proc-cpu';

const WRAP = 2 ** TIMECODE.bits;

/** now − capture from one row of gray pixels through the middle of the timecode squares. */
function decode(row: Buffer, nowMs: number): number {
  let value = 0;
  for (let i = 0; i < TIMECODE.bits; i++) {
    if ((row[i * TIMECODE.cell + TIMECODE.cell / 2] ?? 0) > 128) value += 2 ** i;
  }
  const now = Math.floor(nowMs / TIMECODE.unitMs) % WRAP;
  return ((((now - value) % WRAP) + WRAP) % WRAP) * TIMECODE.unitMs;
}

/**
 * The reference player: what `ffplay -fflags nobuffer` does minus the screen (there is none here) —
 * ffmpeg reads the same token-checked HTTP-FLV with no input buffering, decodes every frame as it
 * arrives and hands us one gray row through the timecode, read against the same clock.
 */
export async function measureReferenceLatency(
  env: VideoBenchEnv,
  cameraId: string,
  seconds: number,
): Promise<LatencyFigures> {
  const token = encodeURIComponent(playToken(env.config, cameraId, 3600));
  const url = `http://127.0.0.1:${env.ports.http}/flv/${cameraId}.flv?token=${token}`;
  const width = TIMECODE.bits * TIMECODE.cell;
  // Gray first: a 1-pixel crop of 4:2:0 video would round to nothing.
  const crop = `format=gray,crop=${width}:1:${TIMECODE.left}:${TIMECODE.top + TIMECODE.cell / 2}`;
  const ff = spawn('ffmpeg', [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-fflags', 'nobuffer', '-flags', 'low_delay'],
    ...['-probesize', '500000', '-analyzeduration', '500000', '-i', url],
    ...['-an', '-vf', crop, '-f', 'rawvideo', '-'],
  ]);
  const samples: number[] = [];
  let stderr = '';
  ff.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let pending = Buffer.alloc(0);
  const started = Date.now();
  ff.stdout.on('data', (chunk: Buffer) => {
    const now = Date.now();
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= width) {
      // The first 3 s settle the decoder at the live edge (the gateway starts at the GOP cache).
      const ms = decode(pending.subarray(0, width), now);
      if (now - started > 3000 && ms < 60_000) samples.push(ms);
      pending = pending.subarray(width);
    }
  });
  await new Promise((r) => setTimeout(r, (seconds + 3) * 1000));
  ff.kill('SIGTERM');
  if (samples.length === 0) throw new Error(`the reference player decoded no frame: ${stderr.trim()}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
