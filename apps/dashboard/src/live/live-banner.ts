import { type LiveStreamStatus } from '@fengqiao/contracts';
import { type LiveStatus } from './LiveAlerts';

/** What the connection banner says; undefined shows none. */
export type BannerKind = 'connecting' | 'reconnecting' | 'resyncing' | 'degraded';

/**
 * The banner for the socket's state and the server's last `live.status`: a socket problem comes
 * first (it hides everything else); connected but the server's streams degraded (Kafka away) says so.
 */
export function bannerOf(status: LiveStatus, server: LiveStreamStatus | undefined): BannerKind | undefined {
  if (status !== 'live') return status;
  return server?.state === 'degraded' ? 'degraded' : undefined;
}
