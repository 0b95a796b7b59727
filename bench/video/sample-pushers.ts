import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FengqiaoConfig } from '@fengqiao/config';
import { FfmpegFleet } from '../../apps/media/src/hls/ffmpeg-fleet';
import { publishUrl } from '../../apps/media/src/testing/media-harness';

/** A pre-encoded camera stream: H.264 test pattern, 1 s GOP (1 s HLS segments). */
export interface SampleSpec {
  readonly size: `${number}x${number}`;
  readonly kbps: number;
  readonly seconds: number;
}

/** Encodes the sample once into .stack/cache/bench and returns its path (cached across runs). */
export function encodedSample(config: FengqiaoConfig, s: SampleSpec): string {
  const dir = join(config.stack.cacheDir, 'bench');
  const file = join(dir, `sample-${s.size}-${s.kbps}k-${s.seconds}s.flv`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`encoding a ${s.seconds} s ${s.size} sample once (cached in ${dir})…\n`);
  execFileSync('ffmpeg', [
    ...[
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=${s.size}:rate=25`,
    ],
    ...['-t', String(s.seconds), '-c:v', 'libx264', '-preset', 'veryfast', '-g', '25', '-keyint_min', '25'],
    ...['-sc_threshold', '0', '-b:v', `${s.kbps}k`, '-maxrate', `${s.kbps}k`, '-bufsize', `${2 * s.kbps}k`],
    ...['-pix_fmt', 'yuv420p', '-f', 'flv', file],
  ]);
  return file;
}

/**
 * Cameras without encoding cost: each pushes the sample in a loop at its real rate (`-re`,
 * `-c copy`) to the media service's RTMP ingest, restarted if it drops. Started; stop() when done.
 */
export function startSamplePushers(
  config: FengqiaoConfig,
  rtmpPort: number,
  file: string,
  cameraIds: readonly string[],
  log: (line: string) => void = () => undefined,
): FfmpegFleet {
  const fleet = new FfmpegFleet(
    'pusher',
    cameraIds.map((id) => ({
      id,
      args: () => [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-stream_loop', '-1', '-i', file],
        ...['-c', 'copy', '-f', 'flv', publishUrl(config, rtmpPort, id)],
      ],
    })),
    log,
    { initialMs: 1000, maxMs: 1000, healthyAfterMs: 0 },
  );
  fleet.start();
  return fleet;
}
