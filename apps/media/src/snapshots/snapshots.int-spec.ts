import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { streamSign } from '@fengqiao/media-tokens';
import { type CameraAnalytics } from '@fengqiao/contracts';
import { renderSnapshot } from '@fengqiao/simulator/src/snapshots/snapshot-render';
import { SnapshotUploader } from '@fengqiao/simulator/src/snapshots/snapshot-uploader';
import { testConfig, type RunningProcess } from '@fengqiao/testing';
import { snapshotRoot } from '../media-service';
import {
  freeMediaPorts,
  playToken,
  startMediaProcess,
  StatusWatch,
  type MediaPorts,
} from '../testing/media-harness';

const CAMERA = '51190201132001000001';
const OTHER = '51190201132001000002';
const config = testConfig();

interface Reply {
  readonly status: number;
  readonly type: string | undefined;
  readonly name: string | undefined;
  readonly body: Buffer;
}

/** A request with its path sent verbatim (fetch would resolve `..` before it left the client). */
function raw(port: number, method: string, path: string, body?: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          name: res.headers['x-snapshot-name'] as string | undefined,
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const codeOf = (r: Reply): string => (JSON.parse(r.body.toString()) as { code: string }).code;
const signed = (path: string): string =>
  `${path}?sign=${streamSign(config.media.secret, path, Date.now() / 1000 + 60)}`;
const token = (camera: string): string => encodeURIComponent(playToken(config, camera));

function analytics(name: string, occurredAt: string): CameraAnalytics {
  return {
    schema: 'camera.analytics.v1',
    eventId: '3b1f6a57-7b0e-4c2e-9a55-0d9a4b8c2f10',
    occurredAt,
    cameraId: CAMERA,
    kind: 'fight',
    confidence: 0.9,
    snapshotRef: `snapshots/${CAMERA}/${name}.jpg`,
  };
}

describe('the media service stores and serves analytics snapshots', () => {
  let ports: MediaPorts;
  let media: RunningProcess;
  let watch: StatusWatch;
  let jpeg: Buffer;

  beforeAll(async () => {
    ports = await freeMediaPorts();
    const started = await StatusWatch.start(config);
    watch = started.watch;
    media = await startMediaProcess(config, ports, started.topic);
    jpeg = await renderSnapshot({ cameraId: CAMERA, kind: 'crowd', occurredAt: new Date().toISOString() });
  }, 60_000);
  afterAll(async () => {
    await media?.stop();
    await watch?.stop();
    if (ports !== undefined) rmSync(snapshotRoot(config, ports.rtmp), { recursive: true, force: true });
  });

  it('the simulator’s uploader stores what its events reference; a play token of the camera reads it back', async () => {
    const uploader = new SnapshotUploader({
      mediaUrl: `http://127.0.0.1:${ports.http}`,
      mediaSecret: config.media.secret,
      render: renderSnapshot,
      log: () => undefined,
    });
    uploader.offer([analytics('1765100000000', '2026-12-07T06:53:20.000Z')]);
    await uploader.drain();
    expect(uploader.counters).toEqual({ uploaded: 1, failed: 0, dropped: 0 });
    const got = await raw(ports.http, 'GET', `/snapshots/${CAMERA}/1765100000000.jpg?token=${token(CAMERA)}`);
    expect(got.status).toBe(200);
    expect(got.type).toBe('image/jpeg');
    expect(got.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(got.body.length).toBeGreaterThan(5000);
  });

  it('serves exactly the bytes stored, and the newest one as the camera’s latest', async () => {
    const put = await raw(ports.http, 'PUT', signed(`/snapshots/${CAMERA}/zz-newest.jpg`), jpeg);
    expect(put.status).toBe(201);
    const got = await raw(ports.http, 'GET', `/snapshots/${CAMERA}/zz-newest.jpg?token=${token(CAMERA)}`);
    expect(got.body.equals(jpeg)).toBe(true);
    const latest = await raw(ports.http, 'GET', `/snapshots/${CAMERA}/latest?token=${token(CAMERA)}`);
    expect([latest.status, latest.name, latest.body.equals(jpeg)]).toEqual([200, 'zz-newest', true]);
  });

  it('keeps each camera’s newest 50 snapshots: the oldest is pruned when the 51st arrives', async () => {
    const camera = '51190201132001000003';
    const names = Array.from({ length: 51 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    for (const name of names) {
      const put = await raw(ports.http, 'PUT', signed(`/snapshots/${camera}/${name}.jpg`), jpeg);
      expect(put.status).toBe(201);
    }
    const status = async (name: string): Promise<number> =>
      (await raw(ports.http, 'HEAD', `/snapshots/${camera}/${name}.jpg?token=${token(camera)}`)).status;
    expect([await status('p00'), await status('p01'), await status('p50')]).toEqual([404, 200, 200]);
    const latest = await raw(ports.http, 'GET', `/snapshots/${camera}/latest?token=${token(camera)}`);
    expect(latest.name).toBe('p50');
  });

  it.each([
    ['no token', `/snapshots/${CAMERA}/zz-newest.jpg`, 401, 'TOKEN_MISSING'],
    [
      'a forged token',
      `/snapshots/${CAMERA}/zz-newest.jpg?token=v1.u.${CAMERA}.9999999999.AAAA`,
      401,
      'TOKEN_INVALID',
    ],
    [
      'another camera’s token',
      `/snapshots/${CAMERA}/zz-newest.jpg?token=${token(OTHER)}`,
      403,
      'TOKEN_WRONG_CAMERA',
    ],
    [
      'another camera’s token on latest',
      `/snapshots/${CAMERA}/latest?token=${token(OTHER)}`,
      403,
      'TOKEN_WRONG_CAMERA',
    ],
    [
      'a snapshot never stored',
      `/snapshots/${CAMERA}/nothing-here.jpg?token=${token(CAMERA)}`,
      404,
      'SNAPSHOT_NOT_FOUND',
    ],
    [
      'a camera with none (latest)',
      `/snapshots/${OTHER}/latest?token=${token(OTHER)}`,
      404,
      'SNAPSHOT_NOT_FOUND',
    ],
    [
      'a climb out of the store',
      `/snapshots/${CAMERA}/../../../../etc/passwd?token=${token(CAMERA)}`,
      400,
      'SNAPSHOT_REF_INVALID',
    ],
    [
      'an escaped climb',
      `/snapshots/${CAMERA}/%2e%2e%2f%2e%2e%2fhls.jpg?token=${token(CAMERA)}`,
      400,
      'SNAPSHOT_REF_INVALID',
    ],
    ['a dotted name', `/snapshots/${CAMERA}/..jpg?token=${token(CAMERA)}`, 400, 'SNAPSHOT_REF_INVALID'],
    [
      'not a camera id',
      `/snapshots/..%2F${CAMERA}/a.jpg?token=${token(CAMERA)}`,
      400,
      'SNAPSHOT_REF_INVALID',
    ],
  ])('GET with %s (%s) is refused: %i %s', async (_what, path, status, code) => {
    const r = await raw(ports.http, 'GET', path);
    expect([r.status, codeOf(r)]).toEqual([status, code]);
  });

  it.each([
    ['no signature', `/snapshots/${CAMERA}/up.jpg`, 'jpeg', 401, 'SIGN_INVALID'],
    [
      'another path’s signature',
      `/snapshots/${CAMERA}/up.jpg?sign=${signed(`/snapshots/${OTHER}/up.jpg`).split('sign=')[1] ?? ''}`,
      'jpeg',
      401,
      'SIGN_INVALID',
    ],
    [
      'an expired signature',
      `/snapshots/${CAMERA}/up.jpg?sign=${streamSign(config.media.secret, `/snapshots/${CAMERA}/up.jpg`, Date.now() / 1000 - 5)}`,
      'jpeg',
      401,
      'SIGN_INVALID',
    ],
    ['a body that is not a JPEG', signed(`/snapshots/${CAMERA}/up.jpg`), 'svg', 415, 'SNAPSHOT_NOT_JPEG'],
    ['a bad reference', signed(`/snapshots/${CAMERA}/a.b.jpg`), 'jpeg', 400, 'SNAPSHOT_REF_INVALID'],
  ])(
    'PUT with %s (%s, a %s body) is refused: %i %s, nothing stored',
    async (_what, path, body, status, code) => {
      const r = await raw(ports.http, 'PUT', path, body === 'jpeg' ? jpeg : Buffer.from('<svg/>'));
      expect([r.status, codeOf(r)]).toEqual([status, code]);
      const after = await raw(ports.http, 'GET', `/snapshots/${CAMERA}/up.jpg?token=${token(CAMERA)}`);
      expect(after.status).toBe(404);
    },
  );
});
