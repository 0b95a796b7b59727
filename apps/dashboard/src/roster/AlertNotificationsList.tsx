import { cityClockTime } from '@fengqiao/domain';
import { call } from '../api/call';
import { usePolled } from '../common/hooks';
import { R } from './roster-strings';

/** Every notification about an alert: to whom, by which channel, delivered or failed. */
export function AlertNotificationsList({
  alertId,
  version,
}: {
  readonly alertId: string;
  readonly version: number;
}) {
  const list = usePolled(
    (signal) => call('alerts.notifications', { params: { alertId } }, signal),
    15_000,
    `${alertId}:${version}`,
  );
  const items = list.data?.items ?? [];
  return (
    <section data-testid="alert-notifications">
      <h4>{R.notifications}</h4>
      {items.length === 0 ? (
        <p>{R.noNotifications}</p>
      ) : (
        <ol className="detail__history">
          {items.map((n) => (
            <li key={n.notificationId} className={`notice notice--${n.status}`}>
              <time>{cityClockTime(Date.parse(n.deliveredAt ?? n.dueAt))}</time> {R.levels[n.level]}
              {R[n.dutyRole]} {n.person?.displayName ?? R.none} ·{' '}
              {n.channel === null ? R.none : R.channels[n.channel]} · {R.reasons[n.reason]} ·{' '}
              <strong>{R.statuses[n.status]}</strong>
              {n.attempts > 1 && ` · ${n.attempts}${R.attempts}`}
              {n.lastError !== null && n.status !== 'delivered' && ` · ${n.lastError}`}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
