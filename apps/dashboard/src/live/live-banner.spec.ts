import { type LiveStreamStatus } from '@fengqiao/contracts';
import { bannerOf } from './live-banner';

const since = '2026-12-06T10:00:00.000Z';
const degraded: LiveStreamStatus = { state: 'degraded', reasons: ['kafka-unreachable'], since };
const ok: LiveStreamStatus = { state: 'ok', reasons: [], since };

describe('the connection banner', () => {
  it('shows nothing while live and the server says ok (or has not said yet)', () => {
    expect(bannerOf('live', ok)).toBeUndefined();
    expect(bannerOf('live', undefined)).toBeUndefined();
  });

  it('says degraded while connected to a server whose streams are degraded', () => {
    expect(bannerOf('live', degraded)).toBe('degraded');
  });

  it('puts a socket problem before the server status', () => {
    expect(bannerOf('reconnecting', degraded)).toBe('reconnecting');
    expect(bannerOf('connecting', degraded)).toBe('connecting');
    expect(bannerOf('resyncing', ok)).toBe('resyncing');
  });
});
