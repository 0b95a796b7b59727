import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { testConfig, type RunningProcess } from '@fengqiao/testing';
import { signPlayToken } from '@fengqiao/media-tokens';
import { CameraFleet } from './cameras/camera-fleet';
import { killGroup, processesMatching, spawnGroup } from './hls/process-group';
import { hlsRoot } from './media-service';
import {
  freeMediaPorts,
  isAlive,
  playToken,
  publishUrl,
  startMediaProcess,
  StatusWatch,
  until,
  type MediaPorts,
} from './testing/media-harness';

const CAMERA = '51190201011318000040';
const OTHER = '51190301011318000015';
const config = testConfig();

interface Health {
  live: string[];
  remuxes: { cameraId: string; pid: number }[];
}

describe('the media service: RTMP in, camera status on Kafka, token-checked HLS out, no orphans', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let topic: string;
  let camera: CameraFleet;
  const base = (): string => `http://127.0.0.1:${ports.http}`;
  const playlistUrl = (token?: string, cam = CAMERA): string =>
    `${base()}/hls/${cam}/index.m3u8${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
  const health = async (): Promise<Health> => (await (await fetch(`${base()}/health`)).json()) as Health;
  const startCamera = (): CameraFleet => {
    const fleet = new CameraFleet(
      [{ cameraId: CAMERA, size: '320x180', publishUrl: publishUrl(config, ports.rtmp, CAMERA) }],
      () => undefined,
      500,
    );
    fleet.start();
    return fleet;
  };

  beforeAll(async () => {
    ports = await freeMediaPorts();
    ({ watch, topic } = await StatusWatch.start(config));
    media = await startMediaProcess(config, ports, topic, [
      '--hls-idle-ms',
      '4000',
      '--heartbeat-ms',
      '2000',
    ]);
  });
  afterAll(async () => {
    await camera?.stop();
    await media?.stop();
    await watch?.stop();
  });

  it('sees a published camera go online on Kafka, with its bitrate reported by the heartbeat', async () => {
    camera = startCamera();
    // Said by the media service, so readers trust it over simulated heartbeats (docs/video.md).
    expect(await watch.waitFor(CAMERA, true)).toMatchObject({ source: 'media', lastFrameAgeMs: 0 });
    expect((await health()).live).toEqual([CAMERA]);
    const beat = await until('a heartbeat with a bitrate', () =>
      Promise.resolve(watch.events.find((e) => e.online && (e.bitrateKbps ?? 0) > 0)),
    );
    expect(beat.bitrateKbps).toBeGreaterThan(20);
    expect(beat.fps).toBe(25);
  });

  it.each([
    ['no token', undefined, CAMERA, 401, 'TOKEN_MISSING'],
    ['a garbage token', 'v1.x', CAMERA, 401, 'TOKEN_INVALID'],
    [
      'an expired token',
      signPlayToken(config.media.secret, { userId: 'u', cameraId: CAMERA, expiresAt: Date.now() / 1000 - 1 }),
      CAMERA,
      401,
      'TOKEN_EXPIRED',
    ],
    [
      'a tampered token',
      playToken(config, CAMERA).replace('test-user', 'test-usex'),
      CAMERA,
      401,
      'TOKEN_INVALID',
    ],
    [
      'a token signed with another secret',
      signPlayToken('y'.repeat(40), { userId: 'u', cameraId: CAMERA, expiresAt: Date.now() / 1000 + 60 }),
      CAMERA,
      401,
      'TOKEN_INVALID',
    ],
    ['a token for another camera', playToken(config, OTHER), CAMERA, 403, 'TOKEN_WRONG_CAMERA'],
  ])('refuses the playlist with %s', async (_title, token, cam, status, code) => {
    const res = await fetch(playlistUrl(token, cam));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses a segment without a token and a stream read through the FLV proxy without one', async () => {
    expect((await fetch(`${base()}/hls/${CAMERA}/seg_0.ts`)).status).toBe(401);
    expect((await fetch(`${base()}/flv/${CAMERA}.flv`)).status).toBe(401);
  });

  it('streams HTTP-FLV through the token check', async () => {
    const ctrl = new AbortController();
    const res = await fetch(
      `${base()}/flv/${CAMERA}.flv?token=${encodeURIComponent(playToken(config, CAMERA))}`,
      {
        signal: ctrl.signal,
      },
    );
    const reader = res.body?.getReader();
    const first = await reader?.read();
    ctrl.abort();
    expect(res.status).toBe(200);
    expect(
      Buffer.from(first?.value ?? [])
        .subarray(0, 3)
        .toString(),
    ).toBe('FLV');
  });

  it('starts one remux on the first watch and serves a signed playlist and MPEG-TS segments', async () => {
    const token = playToken(config, CAMERA);
    const res = await until('the playlist', async () => {
      const r = await fetch(playlistUrl(token));
      return r.status === 200 ? r : undefined;
    });
    const text = await res.text();
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(text).toContain('#EXT-X-TARGETDURATION:1');
    const segment = text.split('\n').find((l) => l.startsWith('seg_'));
    expect(segment).toContain(`?token=${encodeURIComponent(token)}`);
    const seg = await fetch(`${base()}/hls/${CAMERA}/${segment ?? ''}`);
    const bytes = Buffer.from(await seg.arrayBuffer());
    expect(seg.status).toBe(200);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
    expect((await health()).remuxes.map((r) => r.cameraId)).toEqual([CAMERA]);
  });

  it('stops the remux when nobody watches for a while', async () => {
    const pid = (await health()).remuxes[0]?.pid ?? 0;
    await until('the idle remux to stop', async () =>
      (await health()).remuxes.length === 0 ? true : undefined,
    );
    // The service drops the remux from its list when it signals it; the process exits a moment later.
    await until('its ffmpeg to exit', () => Promise.resolve(isAlive(pid) ? undefined : true), 10_000);
    expect(isAlive(pid)).toBe(false);
  });

  it('when the camera stops: offline on Kafka, 404 for players, and the remux exits', async () => {
    await fetch(playlistUrl(playToken(config, CAMERA)));
    const pid = (await health()).remuxes[0]?.pid ?? 0;
    expect(isAlive(pid)).toBe(true);
    await camera.stop();
    await watch.waitFor(CAMERA, false, 15_000);
    await until('the remux to exit', () => Promise.resolve(isAlive(pid) ? undefined : true), 10_000);
    expect(await health()).toEqual(expect.objectContaining({ live: [], remuxes: [] }));
    const res = await fetch(playlistUrl(playToken(config, CAMERA)));
    expect(((await res.json()) as { code: string }).code).toBe('STREAM_OFFLINE');
  });

  it('refuses a publish without the publish secret', async () => {
    const unsigned = `rtmp://127.0.0.1:${ports.rtmp}/live/${OTHER}?sign=${Math.floor(Date.now() / 1000) + 600}-${'0'.repeat(32)}`;
    const intruder = new CameraFleet(
      [{ cameraId: OTHER, size: '320x180', publishUrl: unsigned }],
      () => undefined,
      60_000,
    );
    intruder.start();
    await new Promise((r) => setTimeout(r, 3000));
    await intruder.stop();
    expect((await health()).live).not.toContain(OTHER);
    expect(watch.events.some((e) => e.cameraId === OTHER)).toBe(false);
  });

  it('kill -9 of the media service leaves no ffmpeg behind once it restarts, and the camera comes back', async () => {
    camera = startCamera();
    await until('the playlist', async () =>
      (await fetch(playlistUrl(playToken(config, CAMERA)))).ok ? true : undefined,
    );
    const root = hlsRoot(config, ports.rtmp);
    // A leftover that would never exit by itself, as a hung remux of a crashed instance would be.
    mkdirSync(join(root, 'zombie'), { recursive: true });
    const zombie = spawnGroup('ffmpeg', [
      '-nostdin',
      '-re',
      '-f',
      'lavfi',
      '-i',
      'nullsrc=s=16x16:r=1',
      '-f',
      'null',
      join(root, 'zombie', 'out'),
    ]);
    expect(processesMatching(root).length).toBe(2);
    media.child.kill('SIGKILL');
    await new Promise((r) => media.child.once('exit', r));
    media = await startMediaProcess(config, ports, topic, [
      '--hls-idle-ms',
      '4000',
      '--heartbeat-ms',
      '2000',
    ]);
    await until(
      'no ffmpeg of the old instance',
      () => Promise.resolve(processesMatching(root).length === 0 ? true : undefined),
      10_000,
    );
    expect(zombie.exitCode !== null || zombie.signalCode !== null || !isAlive(zombie.pid ?? 0)).toBe(true);
    await until('the camera to reconnect', async () =>
      (await health()).live.includes(CAMERA) ? true : undefined,
    );
    await killGroup(zombie, 100);
  });
});
