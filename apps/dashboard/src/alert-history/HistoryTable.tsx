import { type Alert } from '@fengqiao/contracts';
import { CITY_TIME_ZONE } from '@fengqiao/domain';
import { L } from '../i18n/strings';
import { H } from './history-strings';
import { formatDuration } from './history-view';
import { RegionName } from './RegionName';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CITY_TIME_ZONE,
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const since = (a: Alert, at: string | undefined): number | null =>
  at === undefined ? null : Math.max(0, Date.parse(at) - Date.parse(a.raisedAt));

/** One page of the alert history: when, level, title, where, state, and how long it took. */
export function HistoryTable(props: {
  readonly items: readonly Alert[] | undefined;
  readonly page: number;
  readonly hasNext: boolean;
  readonly onPrev: () => void;
  readonly onNext: () => void;
}) {
  const { items } = props;
  return (
    <section className="history__list" data-testid="history-list" data-count={items?.length ?? ''}>
      <table>
        <thead>
          <tr>
            <th>{H.raisedAt}</th>
            <th>{H.level}</th>
            <th>{H.title}</th>
            <th>{H.region}</th>
            <th>{H.rule}</th>
            <th>{H.state}</th>
            <th>{H.ackAfter}</th>
            <th>{H.fixAfter}</th>
            <th>{H.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {items?.map((a) => (
            <tr key={a.alertId} data-alert={a.alertId}>
              <td>{TIME.format(new Date(a.raisedAt))}</td>
              <td>
                <span className={`history__level history__level--${a.colour}`}>{L.colour[a.colour]}</span>
              </td>
              <td>{a.title}</td>
              <td>
                <RegionName code={a.region.township ?? a.region.county} />
              </td>
              <td>{a.ruleId}</td>
              <td>{L.state[a.state]}</td>
              <td>{formatDuration(since(a, a.acknowledgedAt), H)}</td>
              <td>{formatDuration(since(a, a.resolvedAt), H)}</td>
              <td>{a.outcome === undefined ? '—' : L.outcome[a.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items === undefined && <p>{H.loading}</p>}
      {items?.length === 0 && <p>{H.none}</p>}
      <div className="history__pager">
        <button type="button" disabled={props.page === 1} onClick={props.onPrev}>
          {H.prev}
        </button>
        <span data-testid="history-page">{H.page(props.page)}</span>
        <button type="button" disabled={!props.hasNext} onClick={props.onNext} data-testid="history-next">
          {H.next}
        </button>
      </div>
    </section>
  );
}
