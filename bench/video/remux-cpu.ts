import { playToken } from '../../apps/media/src/testing/media-harness';
import { type VideoBenchEnv } from './bench-env';
import { cpuSeconds } from './proc-cpu';

interface Health {
  remuxes: { cameraId: string; pid: number }[];
}

/**
 * CPU of the HLS remuxes (ffmpeg -c copy) and of the media service itself, per stream, while every
 * stream is watched (a playlist fetch per second per stream keeps the remuxes from idling out).
 */
export async function measureRemuxCpu(
  env: VideoBenchEnv,
  cameraIds: readonly string[],
  seconds: number,
): Promise<{ streams: number; remuxPctPerStream: number; mediaPctPerStream: number }> {
  const base = `http://127.0.0.1:${env.ports.http}`;
  const watchAll = (): Promise<unknown> =>
    Promise.all(
      cameraIds.map((id) =>
        fetch(`${base}/hls/${id}/index.m3u8?token=${encodeURIComponent(playToken(env.config, id))}`),
      ),
    );
  await watchAll();
  const health = (await (await fetch(`${base}/health`)).json()) as Health;
  const pids = health.remuxes.map((r) => r.pid);
  const mediaPid = env.media.child.pid ?? 0;
  const cpu = (): number[] => [...pids.map(cpuSeconds), cpuSeconds(mediaPid)];
  const before = cpu();
  const started = Date.now();
  while (Date.now() - started < seconds * 1000) {
    await watchAll();
    await new Promise((r) => setTimeout(r, 1000));
  }
  const after = cpu();
  const wall = (Date.now() - started) / 1000;
  const used = after.map((a, i) => a - (before[i] ?? 0));
  const remux = used.slice(0, -1).reduce((s, x) => s + x, 0);
  const media = used.at(-1) ?? 0;
  return {
    streams: pids.length,
    remuxPctPerStream: (100 * remux) / wall / Math.max(1, pids.length),
    mediaPctPerStream: (100 * media) / wall / Math.max(1, pids.length),
  };
}
