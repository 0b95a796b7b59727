import { parseArgs } from 'node:util';
import { loadConfig } from '@fengqiao/config';
import { createPool } from '@fengqiao/db';
import { streamSign } from '../auth/stream-sign';
import { MEDIA_APP } from '../media-ports';
import { CameraFleet } from './camera-fleet';

const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

/** Real registry ids: the first camera of each county, then the next ones, so every county has one. */
async function registryCameraIds(url: string, count: number): Promise<string[]> {
  const pool = createPool(url, { max: 1, applicationName: 'fengqiao-synthetic-cameras' });
  try {
    const res = await pool.query<{ camera_id: string }>(
      `SELECT camera_id FROM (
         SELECT camera_id, row_number() OVER (PARTITION BY county ORDER BY camera_id) AS n FROM cameras
       ) c ORDER BY n, camera_id LIMIT $1`,
      [count],
    );
    return res.rows.map((r) => r.camera_id);
  } finally {
    await pool.end();
  }
}

/** `cameras/main.ts [--count 4] [--ids a,b] [--rtmp-port FQ_MEDIA_RTMP_PORT] [--size 320x180] [--timecode]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '4' },
      ids: { type: 'string' },
      'rtmp-port': { type: 'string' },
      size: { type: 'string', default: '320x180' },
      timecode: { type: 'boolean', default: false },
    },
  });
  const config = loadConfig();
  let ids = values.ids?.split(',') ?? [];
  // Under `npm start` the seed step fills the registry first; wait for it rather than fail the start.
  while (ids.length === 0) {
    ids = await registryCameraIds(config.postgres.url, Number(values.count));
    if (ids.length === 0) {
      log('synthetic cameras: the camera registry is empty; waiting for the seed');
      await new Promise((r) => setTimeout(r, 10_000));
    }
  }
  const size = values.size === '640x360' ? '640x360' : '320x180';
  // Cameras keep their publish URL for long: a week, re-signed at every start of this command.
  const exp = Date.now() / 1000 + 7 * 24 * 3600;
  const fleet = new CameraFleet(
    ids.map((cameraId) => ({
      cameraId,
      size,
      timecode: values.timecode,
      publishUrl: `rtmp://${config.host}:${values['rtmp-port'] ?? config.media.rtmpPort}/${MEDIA_APP}/${cameraId}?sign=${streamSign(config.media.secret, `/${MEDIA_APP}/${cameraId}`, exp)}`,
    })),
    log,
  );
  fleet.start();
  log(`synthetic cameras publishing: ${ids.join(', ')}`);
  const stop = (): void => {
    void fleet.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  log(`synthetic cameras: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
