import { useMemo, useState } from 'react';
import { type Alert, type AlertGroupView as AlertGroup } from '@fengqiao/contracts';
import { useNow } from '../common/hooks';
import { L, S } from '../i18n/strings';
import { formatAge, isFlashing, openAlertsInOrder } from '../live/alert-book';
import { areaCode, areaName, useTownshipNames } from '../live/area-names';
import { causeName, G } from '../live/group-strings';
import { useLiveAlerts } from '../live/LiveAlerts';
import { useAlertGroups } from '../live/useAlertGroups';
import { useRedAlarm } from './alarm';
import '../live/alert-groups.css';

/** Rows that fit the panel at both wall sizes; the rest is counted, never scrolled. */
const MAX_ROWS = 9;
/** Members listed under an opened group; the rest is counted. */
const MAX_MEMBERS = 5;

/** What tells one member from another: its subject (the camera, the place), after the rule id. */
const subjectOf = (a: Alert): string => a.dedupKey.slice(a.ruleId.length + 1) || a.dedupKey;
const newestOf = (g: AlertGroup): Alert =>
  g.members.find((m) => m.raisedAt === g.newestAt) ?? (g.members[0] as Alert);

interface RowProps {
  readonly group: AlertGroup;
  readonly area: string;
  readonly now: number;
  readonly open: boolean;
  readonly onToggle: () => void;
}

function TickerRow({ group, area, now, open, onToggle }: RowProps) {
  const head = newestOf(group);
  const flashing = group.members.some(isFlashing);
  const cause = group.cause === '' ? '' : ` · ${causeName(group.cause)}`;
  return (
    <li
      className={`ticker__row ticker__row--${group.worst}${flashing ? ' ticker__row--flash' : ''}`}
      data-testid="ticker-row"
      data-alert-id={head.alertId}
      data-state={head.state}
      data-count={group.count}
      data-key={group.key}
      aria-expanded={group.count > 1 ? open : undefined}
      onClick={group.count > 1 ? onToggle : undefined}
    >
      <span className="ticker__colour">{L.colour[group.worst]}</span>
      <span className="ticker__title">
        {group.title}
        {cause}
      </span>
      {/* Its own column: a long title is cut short, the count never (read from across the room). */}
      <b className="ticker__count" data-testid="ticker-count">
        {group.count > 1 ? G.count(group.count) : ''}
      </b>
      <span className="ticker__region" title={areaCode(group.area)} data-testid="ticker-area">
        {area}
      </span>
      <span className="ticker__state">{L.state[head.state]}</span>
      <span className="ticker__age">{formatAge(group.newestAt, now)}</span>
    </li>
  );
}

function Members({ group, now }: { readonly group: AlertGroup; readonly now: number }) {
  return (
    <li className="ticker__members" data-testid="ticker-members" aria-label={G.members}>
      <ol>
        {group.members.slice(0, MAX_MEMBERS).map((m) => (
          <li key={m.alertId} data-testid="ticker-member" data-alert-id={m.alertId}>
            <span>{subjectOf(m)}</span> <span>{L.state[m.state]}</span>{' '}
            <span>{formatAge(m.raisedAt, now)}</span>
          </li>
        ))}
        {group.count > MAX_MEMBERS && <li>{G.moreMembers(group.count - MAX_MEMBERS)}</li>}
      </ol>
    </li>
  );
}

/**
 * Open alerts as groups (rule, cause and area), counted by the API over every open alert in scope
 * (`GET /api/alerts/groups`; in a county view, that county's), red first, each with its count, worst
 * level, area name and newest age; a group opens to list its newest members. Unacknowledged reds
 * (always rows of their own) flash and sound at once, from the live book.
 */
export function AlertTicker({ county }: { readonly county?: string }) {
  const { book } = useLiveAlerts();
  const now = useNow(1000);
  const open = useMemo(() => openAlertsInOrder(book.alerts.values()), [book]);
  const { groups, openAlerts } = useAlertGroups({ region: county, members: MAX_MEMBERS });
  const townships = useTownshipNames(groups.map((g) => g.area.county));
  const [opened, setOpened] = useState<string | undefined>();
  useRedAlarm(open.some(isFlashing));
  const shown = groups.slice(0, MAX_ROWS);
  return (
    <section className="panel ticker" aria-label={S.ticker}>
      <h2 className="panel__title">
        {S.ticker}
        <span className="panel__count" data-testid="ticker-open">
          {openAlerts ?? open.length}
        </span>
        <span className="ticker__groups" data-testid="ticker-groups">
          {G.groups(groups.length)}
        </span>
      </h2>
      {groups.length === 0 ? (
        <p className="ticker__empty">{S.noOpenAlerts}</p>
      ) : (
        <ol className="ticker__list">
          {shown.map((g) => (
            <TickerGroup
              key={g.id}
              group={g}
              area={areaName(g.area, townships)}
              now={now}
              open={opened === g.key}
              onToggle={() => setOpened((o) => (o === g.key ? undefined : g.key))}
            />
          ))}
          {groups.length > MAX_ROWS && <li className="ticker__more">+{groups.length - MAX_ROWS}</li>}
        </ol>
      )}
    </section>
  );
}

function TickerGroup(props: RowProps) {
  return (
    <>
      <TickerRow {...props} />
      {props.open && <Members group={props.group} now={props.now} />}
    </>
  );
}
