import { BENCH_CAMERAS, flag, startVideoBench } from './bench-env';
import { measureTileLatency } from './latency';
import { measureReferenceLatency } from './reference-latency';
import { measureRemuxCpu } from './remux-cpu';

/**
 * `node -r @swc-node/register bench/video/run.ts [--seconds 20] [--streams 4]`
 * Prints glass-to-glass HLS and FLV latency of the VideoTile in headless Chromium (one 640x360 camera with
 * a timecode) and the CPU per remuxed stream. Keep it short on the shared 2-core machine.
 */
async function main(): Promise<void> {
  const seconds = flag('seconds', 20);
  const streams = Math.min(BENCH_CAMERAS.length, flag('streams', 4));
  const say = (l: string): void => {
    process.stdout.write(`${l}\n`);
  };

  const one = await startVideoBench(1, '640x360', true);
  try {
    const ref = await measureReferenceLatency(one, BENCH_CAMERAS[0] ?? '', seconds);
    say(
      `reference (ffmpeg -fflags nobuffer on the same HTTP-FLV, decode only): p50 ${(ref.p50 / 1000).toFixed(2)} s, p90 ${(ref.p90 / 1000).toFixed(2)} s over ${ref.samples} frames`,
    );
    for (const mode of ['hls', 'flv'] as const) {
      const f = await measureTileLatency(one, BENCH_CAMERAS[0] ?? '', seconds, mode);
      const how = mode === 'hls' ? 'HLS, hls.js, 1 s segments' : 'HTTP-FLV, mpegts.js';
      say(
        `glass-to-glass ${how} in Chromium: p50 ${(f.p50 / 1000).toFixed(2)} s, p90 ${(f.p90 / 1000).toFixed(2)} s, max ${(f.max / 1000).toFixed(2)} s over ${f.samples} reads (goal p50 ≤ ${mode === 'hls' ? '3.5' : '1.5'} s); ÷ reference p50 ${(f.p50 / ref.p50).toFixed(1)}×`,
      );
    }
  } finally {
    await one.stop();
  }

  const many = await startVideoBench(streams, '320x180', false);
  try {
    const cpu = await measureRemuxCpu(many, BENCH_CAMERAS.slice(0, streams), seconds);
    say(
      `CPU per remuxed stream (${cpu.streams} streams, ${seconds} s): ffmpeg -c copy ${cpu.remuxPctPerStream.toFixed(2)} % of a core, media service (node-media-server + gateway) ${cpu.mediaPctPerStream.toFixed(2)} % of a core`,
    );
  } finally {
    await many.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `video bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
