import { CameraStateFilter } from './camera-state.filter';
import { type CameraStatusRow } from './event-rows';

const T0 = Date.parse('2026-12-07T03:00:00.000Z');

function latest(
  cameraId: string,
  atMs: number,
  online = true,
  sample = false,
): { row: CameraStatusRow; sample: boolean } {
  const row: CameraStatusRow = {
    eventId: `e-${cameraId}-${atMs}`,
    occurredAt: new Date(atMs).toISOString(),
    cameraId,
    online,
    bitrateKbps: 2048,
    fps: 25,
    lastFrameAgeMs: 40,
    source: 'device',
  };
  return { row, sample };
}

describe('CameraStateFilter', () => {
  const pick = (f: CameraStateFilter, l: ReturnType<typeof latest>[]): string[] =>
    f.select(l, (x) => x.sample).map((x) => `${x.row.cameraId}@${Date.parse(x.row.occurredAt) - T0}`);

  it.each([
    ['a camera never written', true, [], latest('a', T0)],
    ['the same flag within the resolution', false, [latest('a', T0)], latest('a', T0 + 4999)],
    ['the same flag at the resolution', true, [latest('a', T0)], latest('a', T0 + 5000)],
    ['a changed flag within the resolution', true, [latest('a', T0)], latest('a', T0 + 1, false)],
    ['a prober sample within the resolution', true, [latest('a', T0)], latest('a', T0 + 1, true, true)],
    ['an older report with the same flag', false, [latest('a', T0)], latest('a', T0 - 60_000)],
  ])('%s: sent %s', (_title, sent, written, next) => {
    const f = new CameraStateFilter(5000);
    f.remember(written);
    expect(pick(f, [next])).toEqual(sent ? [`a@${Date.parse(next.row.occurredAt) - T0}`] : []);
  });

  it('remembers only what a committed batch sent, and never moves back in time', () => {
    const f = new CameraStateFilter(5000);
    f.remember([latest('a', T0 + 10_000)]);
    f.remember([latest('a', T0)]);
    expect(pick(f, [latest('a', T0 + 14_000), latest('b', T0)])).toEqual(['b@0']);
  });
});
