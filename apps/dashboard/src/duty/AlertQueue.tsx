import { useState } from 'react';
import { ALERT_COLOURS, type Alert, type AlertGroupView as AlertGroup } from '@fengqiao/contracts';
import { L, S } from '../i18n/strings';
import { formatAge, isFlashing } from '../live/alert-book';
import { areaCode, areaName, useTownshipNames } from '../live/area-names';
import { causeName, G } from '../live/group-strings';
import { GroupActions } from './GroupActions';
import '../live/alert-groups.css';

/** Members listed under an opened group (the actions still cover all of them); the rest is counted. */
const MAX_MEMBERS = 50;

interface Props {
  readonly groups: readonly AlertGroup[];
  readonly selectedId: string | undefined;
  readonly pendingIds: ReadonlySet<string>;
  readonly now: number;
  readonly onSelect: (alertId: string) => void;
}

interface ItemProps extends Omit<Props, 'groups'> {
  readonly alert: Alert;
  readonly area: string;
}

function QueueItem({ alert: a, area, selectedId, pendingIds, now, onSelect }: ItemProps) {
  return (
    <li>
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
          {area} · {L.state[a.state]}
          {pendingIds.has(a.alertId) ? ' …' : ''}
        </span>
        <span className="queue__age">{formatAge(a.raisedAt, now)}</span>
      </button>
    </li>
  );
}

interface GroupProps extends Omit<Props, 'groups'> {
  readonly group: AlertGroup;
  readonly area: string;
  readonly open: boolean;
  readonly onToggle: () => void;
}

/** A group of several: one row (count, worst level, area, newest age); opened, its members and actions. */
function QueueGroup({ group, area, open, onToggle, ...item }: GroupProps) {
  const cause = group.cause === '' ? '' : ` · ${causeName(group.cause)}`;
  const holdsSelection = group.members.some((m) => m.alertId === item.selectedId);
  return (
    <li className="queue__grouprow" data-testid="queue-group" data-count={group.count} data-key={group.key}>
      <button
        type="button"
        className={`queue__item queue__item--group queue__item--${group.worst}${holdsSelection ? ' queue__item--selected' : ''}`}
        onClick={onToggle}
        aria-expanded={open}
      >
        <span className="queue__title">
          {group.title}
          {cause} <b className="queue__count">{G.count(group.count)}</b>
        </span>
        <span className="queue__meta" title={areaCode(group.area)}>
          {area} · {L.colour[group.worst]}
        </span>
        <span className="queue__age">{formatAge(group.newestAt, item.now)}</span>
      </button>
      {open && (
        <div className="queue__members" data-testid="queue-members">
          <GroupActions group={group} />
          <ol>
            {group.members.slice(0, MAX_MEMBERS).map((m) => (
              <QueueItem key={m.alertId} alert={m} area={area} {...item} />
            ))}
            {group.count > MAX_MEMBERS && (
              <li className="queue__more">{G.moreMembers(group.count - MAX_MEMBERS)}</li>
            )}
          </ol>
        </div>
      )}
    </li>
  );
}

/**
 * Open alerts as groups (rule, cause and area), counted by the API over every open alert in scope
 * (`useAlertGroups`), red → orange → blue by each group's worst level; a red is always a row of its
 * own. The selection follows j/k; a closed group holding it is marked selected.
 */
export function AlertQueue({ groups, ...item }: Props) {
  const townships = useTownshipNames(groups.map((g) => g.area.county));
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string): void =>
    setOpened((o) => {
      const next = new Set(o);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <nav className="queue" aria-label={S.queue}>
      {[...ALERT_COLOURS].reverse().map((colour) => {
        const rows = groups.filter((g) => g.worst === colour);
        return (
          <section key={colour} className={`queue__group queue__group--${colour}`}>
            <h3>
              {L.colour[colour]} <span>{rows.reduce((n, g) => n + g.count, 0)}</span>
            </h3>
            <ol>
              {rows.map((g) =>
                g.count === 1 ? (
                  <QueueItem
                    key={g.id}
                    alert={g.members[0] as Alert}
                    area={areaName(g.area, townships)}
                    {...item}
                  />
                ) : (
                  <QueueGroup
                    key={g.id}
                    group={g}
                    area={areaName(g.area, townships)}
                    open={opened.has(g.key)}
                    onToggle={() => toggle(g.key)}
                    {...item}
                  />
                ),
              )}
            </ol>
          </section>
        );
      })}
    </nav>
  );
}
