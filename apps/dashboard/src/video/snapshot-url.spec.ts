import { latestSnapshotUrl, snapshotUrl } from './snapshot-url';

const CAMERA = '51190201132001000001';
const grant = (base: string) => ({
  cameraId: CAMERA,
  token: 'v1.u.c.1.m+/=',
  hlsUrl: `${base}/hls/${CAMERA}/index.m3u8?token=v1.u.c.1.m%2B%2F%3D`,
});

describe('snapshotUrl', () => {
  it.each([
    ['http://127.0.0.1:8000', 'http://127.0.0.1:8000'],
    ['https://v.example.cn/media', 'https://v.example.cn/media'],
    ['', ''],
  ])('reads the reference from the gateway of the grant (%s)', (base, expected) => {
    expect(snapshotUrl(grant(base), `snapshots/${CAMERA}/1765100000000.jpg`)).toBe(
      `${expected}/snapshots/${CAMERA}/1765100000000.jpg?token=v1.u.c.1.m%2B%2F%3D`,
    );
  });

  it.each([
    'snapshots/../../admin.jpg',
    `snapshots/${CAMERA}/../../../hls/x.jpg`,
    `snapshots/${CAMERA}/a.jpg?x=1`,
    'https://elsewhere.example/a.jpg',
  ])('makes no URL of %s (not a snapshot reference)', (ref) => {
    expect(snapshotUrl(grant('https://v.example.cn/media'), ref)).toBeUndefined();
  });
});

describe('latestSnapshotUrl', () => {
  it('asks for the camera’s newest snapshot, a fresh request each refresh', () => {
    expect(latestSnapshotUrl(grant('https://v.example.cn/media'), 42)).toBe(
      `https://v.example.cn/media/snapshots/${CAMERA}/latest?token=v1.u.c.1.m%2B%2F%3D&t=42`,
    );
  });
});
