import { dirname, join } from 'node:path';
import { loadConfig, type FengqiaoConfig } from '@fengqiao/config';
import { CameraFleet } from '../../apps/media/src/cameras/camera-fleet';
import { type SyntheticCamera } from '../../apps/media/src/cameras/synthetic-camera';
import {
  freeMediaPorts,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  type MediaPorts,
} from '../../apps/media/src/testing/media-harness';
import { freePort, startProcess, type RunningProcess } from '@fengqiao/testing';

/** Registry ids of the demo city (one per county first), for cameras the registry knows. */
export const BENCH_CAMERAS = [
  '51190201011318000040',
  '51190301011318000015',
  '51192101011318000011',
  '51192201011318000047',
  '51192301011318000028',
  '51190201011318000041',
  '51190301011318000016',
  '51192101011318000012',
];

export interface VideoBenchEnv {
  readonly config: FengqiaoConfig;
  readonly ports: MediaPorts;
  readonly media: RunningProcess;
  readonly cameras: CameraFleet;
  stop(): Promise<void>;
}

/** A media service on free ports (its own status topic) and `count` synthetic cameras. */
export async function startVideoBench(
  count: number,
  size: SyntheticCamera['size'],
  timecode: boolean,
): Promise<VideoBenchEnv> {
  const config = loadConfig();
  const ports = await freeMediaPorts();
  const { watch, topic } = await StatusWatch.start(config);
  const media = await startMediaProcess(config, ports, topic, ['--hls-idle-ms', '60000']);
  const ids = BENCH_CAMERAS.slice(0, count);
  const cameras = new CameraFleet(
    ids.map((cameraId) => ({
      cameraId,
      size,
      timecode,
      publishUrl: publishUrl(config, ports.rtmp, cameraId),
    })),
    (l) => process.stderr.write(`${l}\n`),
  );
  cameras.start();
  for (const id of ids) await watch.waitFor(id, true);
  return {
    config,
    ports,
    media,
    cameras,
    async stop() {
      await cameras.stop();
      await media.stop();
      await watch.stop();
    },
  };
}

/** The dashboard's Vite dev server, which serves the tile harness page. */
export async function startVite(root: string): Promise<{ url: string; process: RunningProcess }> {
  const port = await freePort();
  const dashboard = join(root, 'apps/dashboard');
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [dashboard] })), 'bin', 'vite.js');
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess({
    command: process.execPath,
    args: [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    cwd: dashboard,
    env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
    readyUrl: `${url}/src/video/harness/index.html`,
  });
  return { url, process: proc };
}

export function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) ? v : fallback;
}
