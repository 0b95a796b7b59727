import { useMemo } from 'react';
import { type Alert } from '@fengqiao/contracts';
import { useNow } from '../common/hooks';
import { L, S } from '../i18n/strings';
import { formatAge, isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { useRedAlarm } from './alarm';
import { districtName } from './wall-data';

/** Rows that fit the panel at both wall sizes; the rest is counted, never scrolled. */
const MAX_ROWS = 9;

function TickerRow({ alert, now }: { readonly alert: Alert; readonly now: number }) {
  return (
    <li
      className={`ticker__row ticker__row--${alert.colour}${isFlashing(alert) ? ' ticker__row--flash' : ''}`}
      data-testid="ticker-row"
      data-alert-id={alert.alertId}
      data-state={alert.state}
    >
      <span className="ticker__colour">{L.colour[alert.colour]}</span>
      <span className="ticker__title">{alert.title}</span>
      <span className="ticker__region">{districtName(alert.region.county)}</span>
      <span className="ticker__state">{L.state[alert.state]}</span>
      <span className="ticker__age">{formatAge(alert.raisedAt, now)}</span>
    </li>
  );
}

/** Open alerts, red first, with age counters; unacknowledged reds flash and sound. */
export function AlertTicker() {
  const { book } = useLiveAlerts();
  const now = useNow(1000);
  const open = useMemo(() => openAlertsInOrder(book.alerts.values()), [book]);
  const alarming = open.some(isFlashing);
  useRedAlarm(alarming);
  return (
    <section className="panel ticker" aria-label={S.ticker}>
      <h2 className="panel__title">
        {S.ticker}
        <span className="panel__count">{open.length}</span>
      </h2>
      {open.length === 0 ? (
        <p className="ticker__empty">{S.noOpenAlerts}</p>
      ) : (
        <ol className="ticker__list">
          {open.slice(0, MAX_ROWS).map((a) => (
            <TickerRow key={a.alertId} alert={a} now={now} />
          ))}
          {open.length > MAX_ROWS && <li className="ticker__more">+{open.length - MAX_ROWS}</li>}
        </ol>
      )}
    </section>
  );
}
