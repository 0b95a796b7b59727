import { readFileSync } from 'node:fs';
import { processesMatching } from '../../apps/media/src/hls/process-group';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import {
  freeMediaPorts,
  playToken,
  startMediaProcess,
  StatusWatch,
  until,
} from '../../apps/media/src/testing/media-harness';
import { encodedSample, startSamplePushers } from './sample-pushers';
import { flag } from './bench-env';
import { cpuSeconds } from './proc-cpu';

/** A tile-wall sub-stream as cameras send it: 720p H.264, 1 s GOP, ~1.5 Mbit/s. */
const SAMPLE_KBPS = 1500;

/** Busy and total jiffies of the whole machine (/proc/stat), for the machine's CPU share. */
function machineJiffies(): { busy: number; total: number } {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  const total = cpu.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0);
  return { busy: total - idle, total };
}

/** One HTTP-FLV viewer through the token-checked gateway; counts the bytes it receives. */
function viewer(url: string, signal: AbortSignal, bytes: { n: number }): void {
  void fetch(url, { signal })
    .then(async (res) => {
      const reader = res.body?.getReader();
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) return;
        bytes.n += (chunk.value as Uint8Array).byteLength;
      }
    })
    .catch(() => undefined); // aborted at the end of the step
}

interface Step {
  streams: number;
  mediaPct: number;
  pushersPct: number;
  machinePct: number;
  deliveredRatio: number;
}

async function step(config: FengqiaoConfig, file: string, streams: number, seconds: number): Promise<Step> {
  const ports = await freeMediaPorts();
  const { watch, topic } = await StatusWatch.start(config);
  const media = await startMediaProcess(config, ports, topic, ['--heartbeat-ms', '30000']);
  const ids = Array.from({ length: streams }, (_, i) => `511902010113180${String(90000 + i)}`);
  const pushers = startSamplePushers(config, ports.rtmp, file, ids);
  const abort = new AbortController();
  try {
    const health = async (): Promise<{ live: string[] }> =>
      (await (await fetch(`http://127.0.0.1:${ports.http}/health`)).json()) as { live: string[] };
    await until(
      `${streams} streams live`,
      async () => ((await health()).live.length === streams ? true : undefined),
      60_000,
    );
    const bytes = ids.map(() => ({ n: 0 }));
    ids.forEach((id, i) =>
      viewer(
        `http://127.0.0.1:${ports.http}/flv/${id}.flv?token=${encodeURIComponent(playToken(config, id, 3600))}`,
        abort.signal,
        bytes[i] ?? { n: 0 },
      ),
    );
    await new Promise((r) => setTimeout(r, 3000)); // viewers attached, GOP caches flushed
    const pusherPids = (): number[] => processesMatching(file);
    const m0 = machineJiffies();
    const c0 = cpuSeconds(media.child.pid ?? 0);
    const p0 = pusherPids().reduce((s, pid) => s + cpuSeconds(pid), 0);
    const b0 = bytes.reduce((s, b) => s + b.n, 0);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, seconds * 1000));
    const wall = (Date.now() - t0) / 1000;
    const m1 = machineJiffies();
    const received = bytes.reduce((s, b) => s + b.n, 0) - b0;
    return {
      streams,
      mediaPct: (100 * (cpuSeconds(media.child.pid ?? 0) - c0)) / wall,
      pushersPct: (100 * (pusherPids().reduce((s, pid) => s + cpuSeconds(pid), 0) - p0)) / wall,
      machinePct: (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total),
      deliveredRatio: (received * 8) / 1000 / wall / (SAMPLE_KBPS * streams),
    };
  } finally {
    abort.abort();
    await pushers.stop();
    await media.stop();
    await watch.stop();
  }
}

/**
 * `node -r @swc-node/register bench/video/capacity.ts [--max 96] [--seconds 20]`
 * Relayed streams without transcoding: N cameras push 720p/1.5 Mbit/s RTMP (ffmpeg -c copy of a
 * sample), each watched by one HTTP-FLV viewer through the token-checked gateway. Prints the media
 * service's CPU per stream at 16, 32, 64 … streams and the count that fits in 70 % of the machine.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const seconds = flag('seconds', 20);
  const max = flag('max', 96);
  const file = encodedSample(config, { size: '1280x720', kbps: SAMPLE_KBPS, seconds: 10 });
  const say = (l: string): void => void process.stdout.write(`${l}\n`);
  say(`capacity: ${seconds} s per step, 720p ${SAMPLE_KBPS} kbit/s per stream, one FLV viewer each`);
  const results: Step[] = [];
  for (const n of [16, 32, 64, 96, 128].filter((x) => x <= max)) {
    const s = await step(config, file, n, seconds);
    results.push(s);
    say(
      `  ${String(n).padStart(3)} streams: media service ${s.mediaPct.toFixed(1)} % of a core (${(s.mediaPct / n).toFixed(2)} %/stream), camera pushers ${s.pushersPct.toFixed(1)} %, whole machine ${s.machinePct.toFixed(0)} % of 2 cores, delivered ${(100 * s.deliveredRatio).toFixed(0)} % of the sent bitrate`,
    );
  }
  // Only steps where every viewer got the stream count: a starved step measures the starvation.
  const kept = results.filter((r) => r.deliveredRatio >= 0.95);
  const perStream = kept.map((r) => r.mediaPct / r.streams).sort((a, b) => a - b);
  const worst = perStream.at(-1) ?? Number.NaN;
  const busy = results.some((r) => r.machinePct > 90);
  say(
    `capacity: ${kept.at(-1)?.streams ?? 0} streams delivered in full (≥ 95 % of the bitrate to every viewer); worst ${worst.toFixed(2)} % of a core per relayed stream → ${Math.floor(140 / worst)} streams in 70 % of 2 cores for the media service alone (goal ≥ 64)`,
  );
  if (busy)
    say(
      'capacity: WARNING the machine was saturated (> 90 %) during a step: figures are upper bounds of cost, lower bounds of capacity',
    );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `capacity bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
