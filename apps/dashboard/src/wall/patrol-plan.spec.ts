import { type NearbyCamera } from '@fengqiao/contracts';
import { patrolCounties, pinOrder, visibleGroup } from './patrol-plan';

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
});
