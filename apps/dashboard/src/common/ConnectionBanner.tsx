import { type LiveStreamStatus } from '@fengqiao/contracts';
import { S } from '../i18n/strings';
import { type LiveStatus } from '../live/LiveAlerts';
import { bannerOf, type BannerKind } from '../live/live-banner';

const TEXT: Record<BannerKind, string> = {
  connecting: S.connecting,
  reconnecting: S.reconnecting,
  resyncing: S.resyncing,
  degraded: S.liveDegraded,
};

/**
 * A clear, unmissable state while the live stream is away or the server says its streams are
 * degraded (Kafka away: alert changes are held back); nothing while it is live and whole.
 */
export function ConnectionBanner({
  status,
  server,
}: {
  readonly status: LiveStatus;
  readonly server?: LiveStreamStatus | undefined;
}) {
  const kind = bannerOf(status, server);
  if (kind === undefined) return null;
  const testId =
    kind === 'connecting' ? 'connecting' : kind === 'degraded' ? 'live-degraded' : 'reconnecting';
  return (
    <div className="conn-banner" role="status" data-testid={testId}>
      {TEXT[kind]}
    </div>
  );
}
