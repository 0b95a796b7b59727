/**
 * Stream-health prober throughput: streams sampled per minute on this machine (issue 15).
 *
 * `node -r @swc-node/register bench/media-prober/prober-rate.ts [--streams 8] [--concurrency 1,2,4]
 * [--sample-s 5] [--seconds 60]`
 *
 * For each concurrency: a media service of its own (test ports, private status topic) with the
 * prober on, `--streams` synthetic 320x180 cameras published into it, and the health facts counted
 * on Kafka over `--seconds` after the first one. Prints one line per concurrency and the CPU load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import {
  freeMediaPorts,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  until,
} from '../../apps/media/src/testing/media-harness';

const { values } = parseArgs({
  options: {
    streams: { type: 'string', default: '8' },
    concurrency: { type: 'string', default: '1,2,4' },
    'sample-s': { type: 'string', default: '5' },
    seconds: { type: 'string', default: '60' },
  },
});
const config = loadConfig();
const streams = Number(values.streams);
const sampleS = Number(values['sample-s']);
const seconds = Number(values.seconds);

const cameraId = (i: number): string => `5119020101131800${String(900 + i).padStart(4, '0')}`;

async function run(concurrency: number): Promise<void> {
  const ports = await freeMediaPorts();
  const { watch, topic } = await StatusWatch.start(config);
  const media = await startMediaProcess(config, ports, topic, [
    ...['--probe-concurrency', String(concurrency), '--probe-sample-s', String(sampleS)],
  ]);
  const publishers: ChildProcess[] = [];
  try {
    for (let i = 0; i < streams; i += 1)
      publishers.push(
        spawn(
          'ffmpeg',
          [
            ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi'],
            ...['-i', 'testsrc2=size=320x180:rate=25', '-c:v', 'libx264', '-preset', 'ultrafast'],
            ...['-tune', 'zerolatency', '-g', '25', '-f', 'flv', publishUrl(config, ports.rtmp, cameraId(i))],
          ],
          { stdio: 'ignore' },
        ),
      );
    await until(
      'a first health fact',
      () => Promise.resolve(watch.events.find((e) => e.health) ? true : undefined),
      60_000,
    );
    const from = watch.events.filter((e) => e.health).length;
    const load0 = loadavg()[0] ?? 0;
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const sampled = watch.events.filter((e) => e.health).length - from;
    const perMinute = (sampled * 60) / seconds;
    const verdicts = new Map<string, number>();
    for (const e of watch.events)
      if (e.health) verdicts.set(e.health.verdict, (verdicts.get(e.health.verdict) ?? 0) + 1);
    process.stdout.write(
      `concurrency ${concurrency}: ${sampled} samples of ${sampleS} s in ${seconds} s = ${perMinute.toFixed(1)} streams/min ` +
        `(ideal ${((60 / sampleS) * concurrency).toFixed(1)}); verdicts ${JSON.stringify(Object.fromEntries(verdicts))}; ` +
        `load average ${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n`,
    );
  } finally {
    for (const p of publishers) p.kill('SIGKILL');
    await media.stop();
    await watch.stop();
  }
}

async function main(): Promise<void> {
  process.stdout.write(
    `prober bench: ${streams} streams of 320x180 at 25 fps, ${sampleS} s samples, ${seconds} s per run, ${new Date().toISOString()}\n`,
  );
  for (const c of String(values.concurrency).split(',').map(Number)) await run(c);
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
