import { S } from '../i18n/strings';
import { type LiveStatus } from '../live/LiveAlerts';

/** A clear, unmissable state while the live stream is away; nothing while it is live. */
export function ConnectionBanner({ status }: { readonly status: LiveStatus }) {
  if (status === 'live') return null;
  return (
    <div
      className="conn-banner"
      role="status"
      data-testid={status === 'connecting' ? 'connecting' : 'reconnecting'}
    >
      {status === 'resyncing' ? S.resyncing : status === 'connecting' ? S.connecting : S.reconnecting}
    </div>
  );
}
