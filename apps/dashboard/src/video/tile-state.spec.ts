import { renewDelayMs, withToken } from './play-grant';
import { nextTileState, retryDelayMs, STALL_MS, type PlayerSignal, type TileState } from './tile-state';

describe('video tile state', () => {
  it.each<[TileState, PlayerSignal, TileState]>([
    ['offline', { kind: 'started' }, 'connecting'],
    ['connecting', { kind: 'progress' }, 'playing'],
    ['stalled', { kind: 'progress' }, 'playing'],
    ['playing', { kind: 'no-progress', forMs: STALL_MS - 1 }, 'playing'],
    ['playing', { kind: 'no-progress', forMs: STALL_MS }, 'stalled'],
    ['connecting', { kind: 'no-progress', forMs: 60_000 }, 'connecting'],
    ['connecting', { kind: 'http-status', status: 404 }, 'offline'],
    ['playing', { kind: 'http-status', status: 401 }, 'denied'],
    ['connecting', { kind: 'http-status', status: 403 }, 'denied'],
    ['connecting', { kind: 'http-status', status: 503 }, 'connecting'],
    ['connecting', { kind: 'http-status', status: 500 }, 'error'],
    ['connecting', { kind: 'grant-refused' }, 'denied'],
    ['playing', { kind: 'fatal' }, 'error'],
  ])('%s + %j → %s', (state, signal, expected) => {
    expect(nextTileState(state, signal)).toBe(expected);
  });

  it('retries an offline camera patiently and a warming packager quickly', () => {
    expect(retryDelayMs('connecting')).toBeLessThan(retryDelayMs('offline'));
    expect(retryDelayMs('denied')).toBeGreaterThanOrEqual(30_000);
  });
});

describe('play grant helpers', () => {
  it('replaces the token of absolute and relative URLs and leaves token-less URLs alone', () => {
    expect(withToken('http://h:8000/hls/1/seg_3.ts?token=old', 'new')).toBe(
      'http://h:8000/hls/1/seg_3.ts?token=new',
    );
    expect(withToken('/hls/1/index.m3u8?token=a.b', 'c.d')).toBe('/hls/1/index.m3u8?token=c.d');
    expect(withToken('http://h/x.ts', 'new')).toBe('http://h/x.ts');
  });

  it('renews at 80 % of the remaining life, never in less than 5 s', () => {
    const now = Date.parse('2026-11-27T03:00:00Z');
    expect(renewDelayMs('2026-11-27T03:10:00Z', now)).toBe(480_000);
    expect(renewDelayMs('2026-11-27T03:00:01Z', now)).toBe(5000);
  });
});
