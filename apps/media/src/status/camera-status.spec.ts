import { cameraStatusSchema } from '@fengqiao/contracts';
import { cameraStatusEvent, isCameraId } from './camera-status';

const AT = new Date('2026-11-27T03:00:00Z');
const CAMERA = '51190201011318000040';

describe('camera status events from the media service', () => {
  it('says online with bitrate and fps when a stream is published', () => {
    const e = cameraStatusEvent({ cameraId: CAMERA, online: true, bitrateKbps: 812.345, fps: 25 }, AT);
    expect(cameraStatusSchema.parse(e)).toMatchObject({
      online: true,
      bitrateKbps: 812.3,
      fps: 25,
      cameraId: CAMERA,
      source: 'media',
    });
    expect(e.occurredAt).toBe('2026-11-27T03:00:00.000Z');
  });

  it('says offline without stream figures when it ends', () => {
    const e = cameraStatusEvent({ cameraId: CAMERA, online: false, bitrateKbps: 5, fps: 25 }, AT);
    expect(e).toMatchObject({ online: false, source: 'media' });
    expect(e.bitrateKbps).toBeUndefined();
    expect(e.fps).toBeUndefined();
  });

  it.each([
    [CAMERA, true],
    ['cam-51190201011318000040', false],
    ['test', false],
  ])('treats %s as a registry camera id: %s', (name, expected) => {
    expect(isCameraId(name)).toBe(expected);
  });
});
