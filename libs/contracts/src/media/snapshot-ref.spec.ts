import { parseSnapshotRef, snapshotRefOf } from './snapshot-ref';

const CAMERA = '51190201132001000001';

describe('parseSnapshotRef', () => {
  it.each([
    [`snapshots/${CAMERA}/1765100000000.jpg`, '1765100000000'],
    [`snapshots/${CAMERA}/e2e.jpg`, 'e2e'],
    [`snapshots/${CAMERA}/A_b-9.jpg`, 'A_b-9'],
    [`snapshots/${CAMERA}/${'x'.repeat(64)}.jpg`, 'x'.repeat(64)],
  ])('accepts %s', (ref, name) => {
    expect(parseSnapshotRef(ref)).toEqual({ ok: true, key: { cameraId: CAMERA, name } });
  });

  it.each([
    [42, 'NOT_A_STRING'],
    [`snapshots/${CAMERA}/${'x'.repeat(260)}.jpg`, 'TOO_LONG'],
    ['', 'BAD_SHAPE'],
    [`snapshots/${CAMERA}/../../etc/passwd.jpg`, 'BAD_SHAPE'],
    [`snapshots/../${CAMERA}.jpg`, 'BAD_CAMERA'],
    [`/snapshots/${CAMERA}/a.jpg`, 'BAD_SHAPE'],
    [`snapshots/${CAMERA}/a.jpg/`, 'BAD_SHAPE'],
    [`snapshots/${CAMERA}/a.png`, 'BAD_SHAPE'],
    [`snapshots/${CAMERA}/a.JPG`, 'BAD_SHAPE'],
    [`snap/${CAMERA}/a.jpg`, 'BAD_SHAPE'],
    [`snapshots//a.jpg`, 'BAD_CAMERA'],
    [`snapshots/..%2F..%2Fetc/a.jpg`, 'BAD_CAMERA'],
    [`snapshots/01190201132001000001/a.jpg`, 'BAD_CAMERA'],
    [`snapshots/${CAMERA}/..jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/.jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/a.b.jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/%2e%2e.jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/a b.jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/a\u0000.jpg`, 'BAD_NAME'],
    [`snapshots/${CAMERA}/${'x'.repeat(65)}.jpg`, 'BAD_NAME'],
  ])('refuses %j as %s', (ref, problem) => {
    expect(parseSnapshotRef(ref)).toEqual({ ok: false, problem });
  });
});

describe('snapshotRefOf', () => {
  it('builds the reference parseSnapshotRef reads back', () => {
    const ref = snapshotRefOf({ cameraId: CAMERA, name: '1765100000000' });
    expect(ref).toBe(`snapshots/${CAMERA}/1765100000000.jpg`);
    expect(parseSnapshotRef(ref)).toEqual({ ok: true, key: { cameraId: CAMERA, name: '1765100000000' } });
  });

  it('refuses a key that would escape the camera folder', () => {
    expect(() => snapshotRefOf({ cameraId: CAMERA, name: '../x' })).toThrow('not a valid snapshot key');
  });
});
