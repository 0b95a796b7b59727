import { CITY_TIME_ZONE } from '@fengqiao/domain';
import { call } from '../api/call';
import { usePolled } from '../common/hooks';
import { R } from './roster-strings';
import './roster.css';

/** Who holds each rostered region's shift now (the duty console's strip and the roster screen). */
export function OnDutyNow({ compact = false }: { readonly compact?: boolean }) {
  const now = usePolled((signal) => call('duty.now', undefined, signal), 60_000);
  const items = now.data?.items ?? [];
  return (
    <section className={compact ? 'on-duty on-duty--compact' : 'on-duty'} data-testid="on-duty-now">
      <h3>{R.onNow}</h3>
      {items.length === 0 ? (
        <p className="on-duty__empty">{R.nobodyOn}</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={i.regionCode} data-region={i.regionCode}>
              <span className="on-duty__region">{i.regionName}</span>
              <span className="on-duty__shift">{R.shiftShort[i.shift]}</span>
              <strong>{i.primary.displayName}</strong>
              <span className="on-duty__backup">
                {R.backup} {i.backup?.displayName ?? R.none}
              </span>
              {i.source === 'exception' && <span className="on-duty__tag">{R.exception}</span>}
              {!compact && (
                <small>
                  {R.until}{' '}
                  {new Date(i.endsAt).toLocaleTimeString('zh-CN', {
                    timeZone: CITY_TIME_ZONE,
                    hour: '2-digit',
                    minute: '2-digit',
                  })}
                </small>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
