import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Alert } from '@fengqiao/contracts';
import { call } from '../api/call';
import { logout, useSession } from '../auth/session';
import { ConnectionBanner } from '../common/ConnectionBanner';
import { useNow, usePolled } from '../common/hooks';
import { S } from '../i18n/strings';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { memberOf } from '../live/server-groups';
import { useAlertGroups } from '../live/useAlertGroups';
import { OnDutyNow } from '../roster/OnDutyNow';
import { R } from '../roster/roster-strings';
import { useRedAlarm } from '../wall/alarm';
import { ActionForm } from './ActionForm';
import { AlertDetailPanel } from './AlertDetailPanel';
import { alertOfSearch } from './alert-case';
import { AlertQueue } from './AlertQueue';
import { escalateLabel } from './ActionForm';
import { nextEscalationLevel, type CommandKind } from './commands';
import { D } from './duty-strings';
import { useDutyKeys } from './useDutyKeys';
import { useDutyActions } from './useDutyActions';
import './duty.css';

const ACTION_KEYS: readonly (readonly [CommandKind, string])[] = [
  ['acknowledge', 'a'],
  ['dispatch', 'd'],
  ['escalate', 'e'],
  ['resolve', 'r'],
  ['silence', 's'],
];

/** Members of an opened group listed in full (the group's actions still cover every member). */
const GROUP_MEMBERS_SHOWN = 50;

/** The duty officer's console: queue, detail and every action on the keyboard. */
export function DutyPage() {
  const session = useSession();
  const { book, status, server } = useLiveAlerts();
  const actions = useDutyActions();
  const now = useNow(1000);
  // A link from a case (`?alert=<id>`) opens its alert, even one this screen's book does not hold.
  const [linkedId] = useState(() => alertOfSearch(window.location.search));
  const [selectedId, setSelectedId] = useState<string | undefined>(linkedId);
  const linked = usePolled(
    (signal) =>
      linkedId === undefined
        ? Promise.resolve(undefined)
        : call('alerts.detail', { params: { alertId: linkedId } }, signal),
    60_000,
    linkedId ?? '',
  );
  const [form, setForm] = useState<CommandKind | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const open = (kind: CommandKind, alert: Alert): void => {
    // At city level there is nowhere to hand the alert up to: say so instead of opening the form.
    if (kind === 'escalate' && nextEscalationLevel(alert) === undefined) return setHint(D.escalateTop);
    setHint(null);
    setForm(kind);
  };

  const alerts = useMemo(
    () => openAlertsInOrder([...book.alerts.values()].map((a) => actions.pending.get(a.alertId) ?? a)),
    [book, actions.pending],
  );
  const latest = useCallback(
    (id: string) => actions.pending.get(id) ?? book.alerts.get(id),
    [actions.pending, book],
  );
  const { groups } = useAlertGroups({ members: GROUP_MEMBERS_SHOWN, latest });
  // A member the API sent but this screen's capped book does not hold is still selectable.
  const selected =
    alerts.find((a) => a.alertId === selectedId) ??
    (selectedId === undefined ? undefined : memberOf(groups, selectedId)) ??
    (linked.data?.alert.alertId === selectedId ? linked.data?.alert : undefined) ??
    alerts[0];
  useEffect(() => {
    if (selectedId === undefined && alerts[0] !== undefined) setSelectedId(alerts[0].alertId);
  }, [alerts, selectedId]);
  useRedAlarm(alerts.some(isFlashing));

  useDutyKeys({
    enabled: form === null,
    onMove: (step) => {
      const i = alerts.findIndex((a) => a.alertId === selected?.alertId);
      const next = alerts[Math.min(alerts.length - 1, Math.max(0, i + step))];
      if (next !== undefined) setSelectedId(next.alertId);
    },
    onAction: (kind) => {
      if (selected !== undefined) open(kind, selected);
    },
  });

  return (
    <div className="duty" data-testid="duty" data-live={status}>
      <header className="duty__header">
        <h1>{S.navDuty}</h1>
        <span className="duty__shortcuts">{S.shortcuts}</span>
        <a href="/wall">{S.navWall}</a>
        <a href="/analysis">{S.navAnalysis}</a>
        <a href="/roster">{R.navRoster}</a>
        <button type="button" onClick={logout}>
          {S.logout} {session?.user.displayName}
        </button>
      </header>
      <ConnectionBanner status={status} server={server} />
      <OnDutyNow compact />
      {actions.notice !== null && (
        <div
          className={`duty__notice duty__notice--${actions.notice.kind}`}
          role="alert"
          data-testid="duty-notice"
        >
          {actions.notice.kind === 'conflict' ? S.conflict : actions.notice.message}
          <button type="button" onClick={actions.dismiss}>
            ×
          </button>
        </div>
      )}
      <AlertQueue
        groups={groups}
        selectedId={selected?.alertId}
        pendingIds={new Set(actions.pending.keys())}
        now={now}
        onSelect={setSelectedId}
      />
      <main className="duty__main">
        {selected === undefined ? (
          <p className="duty__empty">{S.noOpenAlerts}</p>
        ) : (
          <>
            <div className="duty__actions">
              {ACTION_KEYS.map(([kind, key]) => (
                <button
                  key={kind}
                  type="button"
                  onClick={() => open(kind, selected)}
                  data-testid={`action-${kind}`}
                >
                  <kbd>{key}</kbd> {kind === 'escalate' ? escalateLabel(selected) : S[kind]}
                </button>
              ))}
              {hint !== null && <span className="duty__hint">{hint}</span>}
            </div>
            {form !== null && (
              <ActionForm
                key={`${selected.alertId}:${form}`}
                alert={selected}
                kind={form}
                onCancel={() => setForm(null)}
                onSubmit={(cmd) => {
                  actions.run(selected, cmd);
                  setForm(null);
                }}
              />
            )}
            <AlertDetailPanel
              alert={selected}
              serverVersion={book.alerts.get(selected.alertId)?.version ?? 0}
            />
          </>
        )}
      </main>
    </div>
  );
}
