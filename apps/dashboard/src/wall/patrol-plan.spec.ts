import { type NearbyCamera } from '@fengqiao/contracts';
import {
  nextStreaming,
  patrolCounties,
  patrolFilter,
  patrolsCounties,
  fillSplit,
  patrolTiles,
  pinOrder,
  slotTiles,
  splitColumns,
  visibleGroup,
  type SlotTile,
} from './patrol-plan';

const cam = (
  cameraId: string,
  distanceM: number,
  streamState: NearbyCamera['streamState'],
): NearbyCamera => ({
  cameraId,
  name: cameraId,
  siteType: 'square',
  county: '511902',
  township: '511902001',
  lon: 106.7,
  lat: 31.8,
  online: streamState !== 'offline',
  changedAt: null,
  distanceM,
  streamState,
});

describe('the video patrol', () => {
  it('pins streaming cameras of an alert first, then the nearest', () => {
    const order = pinOrder([
      cam('near-dark', 50, 'offline'),
      cam('far-live', 900, 'streaming'),
      cam('mid-online', 300, 'online'),
      cam('near-live', 100, 'streaming'),
      cam('unknown', 10, 'unknown'),
    ]);
    expect(order.map((c) => c.cameraId)).toEqual(['near-live', 'far-live', 'mid-online', 'near-dark']);
  });

  it('visits counties with streaming cameras first', () => {
    const aggregate = {
      scope: { region: null },
      level: 'county' as const,
      asOf: '2026-11-27T05:00:00.000Z',
      rows: [
        { region: '511902', total: 10, online: 9, streaming: 0, onlineShare: 0.9 },
        { region: '511921', total: 10, online: 9, streaming: 2, onlineShare: 0.9 },
        { region: '511923', total: 10, online: 9, streaming: 1, onlineShare: 0.9 },
      ],
    };
    const all = ['511902', '511903', '511921', '511922', '511923'];
    expect(patrolCounties(aggregate, all)).toEqual(['511921', '511923', '511902', '511903', '511922']);
    expect(patrolCounties(undefined, all)).toEqual(all);
  });

  it('replaces dark tiles from the spares, and keeps dark tiles when nothing plays', () => {
    const c = ['a', 'b', 'c', 'd', 'e', 'f'].map((cameraId) => ({ cameraId }));
    expect(visibleGroup(c, new Set(['b', 'c'])).map((x) => x.cameraId)).toEqual(['a', 'd', 'e', 'f']);
    expect(visibleGroup(c.slice(0, 2), new Set(['a', 'b'])).map((x) => x.cameraId)).toEqual(['a', 'b']);
  });

  const ids = (...names: string[]) => names.map((cameraId) => ({ cameraId }));
  const shown = (tiles: readonly { cameraId: string }[]) => tiles.map((x) => x.cameraId);

  it.each([
    [
      'streaming cameras fill the tiles first',
      ids('s1', 's2'),
      ids('r1', 'r2', 'r3'),
      [],
      ['s1', 's2', 'r1', 'r2'],
    ],
    [
      'more streaming than tiles: streaming only',
      ids('s1', 's2', 's3', 's4', 's5'),
      ids('r1'),
      [],
      ['s1', 's2', 's3', 's4'],
    ],
    ['none streaming: the rotation as before', [], ids('r1', 'r2', 'r3', 'r4'), [], ['r1', 'r2', 'r3', 'r4']],
    [
      'a camera in both lists shows once',
      ids('s1'),
      ids('s1', 'r1', 'r2', 'r3'),
      [],
      ['s1', 'r1', 'r2', 'r3'],
    ],
    [
      'a rotation camera found dark is replaced from the spares',
      ids('s1'),
      ids('r1', 'r2', 'r3', 'r4', 'r5'),
      ['r2'],
      ['s1', 'r1', 'r3', 'r4'],
    ],
    [
      'a streaming camera that stops keeps its tile ("离线") until the next rotation',
      ids('s1', 's2'),
      ids('r1', 'r2', 'r3'),
      ['s1'],
      ['s1', 's2', 'r1', 'r2'],
    ],
  ])('%s', (_title, streaming, rotation, dark, expected) => {
    expect(shown(patrolTiles(streaming, rotation, new Set(dark)))).toEqual(expected);
  });

  it('replaces, at the next rotation, the streaming cameras that went dark in the last one', () => {
    expect(shown(nextStreaming(ids('s1', 's2', 's3', 's4', 's5', 's6'), new Set(['s1', 's3'])))).toEqual([
      's2',
      's4',
      's5',
      's6',
    ]);
    expect(shown(nextStreaming(ids('s1', 's2'), new Set()))).toEqual(['s1', 's2']);
  });

  const slot = (tiles: readonly SlotTile<{ cameraId: string }>[]) =>
    tiles.map((t) => [t.camera.cameraId, t.reason === 'alert' ? t.alertId : 'patrol', t.snapshots]);

  it.each([
    [
      'on patrol: every tile shows its camera’s latest snapshot, as the video wall does',
      [],
      ids('s1', 'r1', 'r2', 'r3', 'r4'),
      undefined,
      [
        ['s1', 'patrol', true],
        ['r1', 'patrol', true],
        ['r2', 'patrol', true],
        ['r3', 'patrol', true],
      ],
    ],
    [
      'a flashing red alert: its cameras first, watched for it, and each camera once',
      ids('n1', 'n2'),
      ids('s1', 'n2', 'r1', 'r2'),
      'alert-1',
      [
        ['n1', 'alert-1', true],
        ['n2', 'alert-1', true],
        ['s1', 'patrol', true],
        ['r1', 'patrol', true],
      ],
    ],
    [
      'pinned cameras left over after the alert is gone: watched on patrol',
      ids('n1'),
      ids('s1'),
      undefined,
      [
        ['n1', 'patrol', true],
        ['s1', 'patrol', true],
      ],
    ],
  ])('the main wall’s 2×2 slot, %s', (_title, pinned, patrol, alertId, expected) => {
    expect(slot(slotTiles(pinned, patrol, alertId))).toEqual(expected);
  });
});

describe('the video wall: splits and patrol scopes', () => {
  it.each([
    [1, 1],
    [4, 2],
    [9, 3],
    [16, 4],
  ])('a %i-tile split is %i columns', (tiles, columns) => {
    expect(splitColumns(tiles)).toBe(columns);
  });

  type Scope = { county?: string; township?: string; siteType?: string };
  it.each<[string, Scope, string, Scope, boolean]>([
    ['the whole city', {}, '511921', { county: '511921' }, true],
    ['one county', { county: '511923' }, '511921', { county: '511923' }, false],
    ['one township', { township: '511923002' }, '511921', { township: '511923002' }, false],
    [
      'one site type city-wide',
      { siteType: 'school' },
      '511902',
      { county: '511902', siteType: 'school' },
      true,
    ],
    [
      'a site type in a county',
      { county: '511922', siteType: 'station' },
      '511902',
      { county: '511922', siteType: 'station' },
      false,
    ],
  ])('patrolling %s asks the registry for %j', (_t, scope, rotating, filter, rotates) => {
    expect(patrolFilter(scope, rotating)).toEqual(filter);
    expect(patrolsCounties(scope)).toBe(rotates);
  });

  it('a city-wide 9 or 16 split pages through the whole city instead of one county at a time', () => {
    expect(patrolsCounties({}, 9)).toBe(false);
    const siteOnly: Scope = { siteType: 'school' };
    expect(patrolsCounties(siteOnly, 16)).toBe(false);
    expect(patrolFilter({ siteType: 'school' }, undefined)).toEqual({
      county: undefined,
      siteType: 'school',
    });
  });

  it('a 16-tile split fills from streaming cameras first, then the rotation, skipping the dark', () => {
    const streaming = [cam('s1', 0, 'streaming'), cam('s2', 0, 'streaming')];
    const rotation = Array.from({ length: 20 }, (_, i) => cam(`r${i}`, 0, 'online'));
    const shown = patrolTiles(streaming, rotation, new Set(['r0', 'r3']), 16).map((c) => c.cameraId);
    expect(shown).toHaveLength(16);
    expect(shown.slice(0, 3)).toEqual(['s1', 's2', 'r1']);
    expect(shown).not.toContain('r0');
    expect(shown).not.toContain('r3');
  });

  it('keeps a split full: the live tiles first, then the dark cameras of the group in the holes', () => {
    const rotation = Array.from({ length: 6 }, (_, i) => cam(`r${i}`, 0, 'online'));
    const live = patrolTiles([], rotation, new Set(['r0', 'r1', 'r2']), 4);
    expect(live.map((c) => c.cameraId)).toEqual(['r3', 'r4', 'r5']);
    expect(fillSplit(live, rotation, 4).map((c) => c.cameraId)).toEqual(['r3', 'r4', 'r5', 'r0']);
    expect(fillSplit(live, rotation.slice(3), 4)).toHaveLength(3);
  });
});
