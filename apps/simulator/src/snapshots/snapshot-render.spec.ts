import { snapshotFilter } from './snapshot-render';

describe('snapshotFilter', () => {
  it('captions the camera, the kind and the city time (UTC+8), colons escaped for drawtext', () => {
    const f = snapshotFilter({
      cameraId: '51190201132001000001',
      kind: 'fire-smoke',
      occurredAt: '2026-12-07T06:53:10.000Z',
    });
    expect(f).toContain("text='51190201132001000001  fire-smoke  14\\:53\\:10'");
  });

  it('keeps quotes, colons and commas of a hostile kind out of the filter graph', () => {
    const f = snapshotFilter({
      cameraId: '51190201132001000001',
      kind: "x',drawtext=text='pwn:",
      occurredAt: '2026-12-07T06:53:10.000Z',
    });
    expect(f.split(',').every((part) => /^draw(box|text)=/.test(part))).toBe(true);
    expect(f).toContain("text='51190201132001000001  xdrawtexttextpwn  14\\:53\\:10'");
  });

  it.each([
    ['crowd', 9],
    ['fight', 2],
  ])('draws a %s with %i figures', (kind, n) => {
    const f = snapshotFilter({
      cameraId: '51190201132001000001',
      kind,
      occurredAt: '2026-12-07T06:53:10.000Z',
    });
    expect(f.split(',').filter((p) => p.includes(':w=18:h=48:'))).toHaveLength(n);
  });

  it.each([
    ['51190201132001000001', '51190201132001000002'],
    ['51190201132001000001', '51190201132001000401'],
  ])('draws %s and %s differently', (a, b) => {
    const scene = (cameraId: string) => ({ cameraId, kind: 'crowd', occurredAt: '2026-12-07T06:53:10.000Z' });
    const figures = (id: string) => snapshotFilter(scene(id)).split(',').slice(0, -2);
    expect(figures(a)).not.toEqual(figures(b));
  });
});
