import { type CameraAnalytics } from '@fengqiao/contracts';
import { SnapshotUploader } from './snapshot-uploader';

const CAMERA = '51190201132001000001';
const event = (i: number, snapshotRef?: string): CameraAnalytics => ({
  schema: 'camera.analytics.v1',
  eventId: `3b1f6a57-7b0e-4c2e-9a55-${String(i).padStart(12, '0')}`,
  occurredAt: '2026-12-07T06:53:10.000Z',
  cameraId: CAMERA,
  kind: 'fight',
  confidence: 0.9,
  ...(snapshotRef === undefined ? {} : { snapshotRef }),
});

describe('SnapshotUploader', () => {
  it('holds at most maxQueue snapshots, drops and counts the rest, and logs a failing media service once', async () => {
    const log: string[] = [];
    const rendered: string[] = [];
    const uploader = new SnapshotUploader({
      mediaUrl: 'http://127.0.0.1:1',
      mediaSecret: 'unit',
      render: (scene) => {
        rendered.push(scene.occurredAt);
        return Promise.reject(new Error('ffmpeg is away'));
      },
      log: (line) => log.push(line),
      maxQueue: 4,
      minIntervalMs: 0,
    });
    uploader.offer(Array.from({ length: 6 }, (_, i) => event(i, `snapshots/${CAMERA}/${i}.jpg`)));
    await uploader.drain();
    expect(uploader.counters).toEqual({ uploaded: 0, failed: 4, dropped: 2 });
    expect(rendered).toHaveLength(4);
    expect(log).toEqual(['simulator: snapshot upload failed (ffmpeg is away); events still go out']);
  });

  it('renders nothing for events without a reference or with one that does not parse', async () => {
    const render = jest.fn(() => Promise.reject(new Error('unexpected')));
    const uploader = new SnapshotUploader({
      mediaUrl: 'http://127.0.0.1:1',
      mediaSecret: 'unit',
      render,
      log: () => undefined,
      minIntervalMs: 0,
    });
    uploader.offer([event(1), event(2, 'snapshots/../../etc/passwd.jpg'), event(3, 'snap/1.jpg')]);
    await uploader.drain();
    expect(render).not.toHaveBeenCalled();
    expect(uploader.counters).toEqual({ uploaded: 0, failed: 0, dropped: 0 });
  });
});
