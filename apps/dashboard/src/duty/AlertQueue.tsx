import { ALERT_COLOURS, type Alert } from '@fengqiao/contracts';
import { L, S } from '../i18n/strings';
import { formatAge, isFlashing } from '../live/alert-book';
import { districtName } from '../wall/wall-data';

interface Props {
  readonly alerts: readonly Alert[];
  readonly selectedId: string | undefined;
  readonly pendingIds: ReadonlySet<string>;
  readonly now: number;
  readonly onSelect: (alertId: string) => void;
}

/** Open alerts grouped red → orange → blue, each with its age; the selection follows j/k. */
export function AlertQueue({ alerts, selectedId, pendingIds, now, onSelect }: Props) {
  return (
    <nav className="queue" aria-label={S.queue}>
      {[...ALERT_COLOURS].reverse().map((colour) => {
        const group = alerts.filter((a) => a.colour === colour);
        return (
          <section key={colour} className={`queue__group queue__group--${colour}`}>
            <h3>
              {L.colour[colour]} <span>{group.length}</span>
            </h3>
            <ol>
              {group.map((a) => (
                <li key={a.alertId}>
                  <button
                    type="button"
                    className={`queue__item${a.alertId === selectedId ? ' queue__item--selected' : ''}${isFlashing(a) ? ' queue__item--flash' : ''}`}
                    onClick={() => onSelect(a.alertId)}
                    data-testid="queue-item"
                    data-alert-id={a.alertId}
                    data-state={a.state}
                    aria-current={a.alertId === selectedId}
                  >
                    <span className="queue__title">{a.title}</span>
                    <span className="queue__meta">
                      {districtName(a.region.county)} · {L.state[a.state]}
                      {pendingIds.has(a.alertId) ? ' …' : ''}
                    </span>
                    <span className="queue__age">{formatAge(a.raisedAt, now)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}
