import { type Alert } from '@fengqiao/contracts';
import { call } from '../api/call';
import { useSession } from '../auth/session';
import { usePolled } from '../common/hooks';
import { useRegionName } from '../common/useRegionName';
import { currentLang, L, S } from '../i18n/strings';
import { AlertNotificationsList } from '../roster/AlertNotificationsList';
import { districtName } from '../wall/wall-data';
import { EvidenceCount, FactList, NearbyCameras } from './AlertEvidence';
import { CaseFromAlert } from './CaseFromAlert';
import { dispatchUnitName } from './dispatch';
import { historyLine } from './history';
import { useDispatchNames } from './useDispatchNames';

const lang = currentLang(window.location.search);

/** Explanation, evidence, location, history and nearby cameras of the selected alert. */
export function AlertDetailPanel({
  alert,
  serverVersion,
}: {
  readonly alert: Alert;
  readonly serverVersion: number;
}) {
  // Keyed by the server's version (not an optimistic one): every committed change reloads the history.
  const detail = usePolled(
    (signal) => call('alerts.detail', { params: { alertId: alert.alertId } }, signal),
    60_000,
    `${alert.alertId}:${serverVersion}`,
  );
  const township = alert.region.township;
  const townshipName = useRegionName(township);
  const cameras = usePolled(
    (signal) =>
      township === undefined
        ? Promise.resolve({ items: [], nextAfter: null })
        : call('cameras.search', { query: { township, limit: 6 } }, signal),
    60_000,
    township ?? '',
  );
  const { explanation } = alert;
  // The console knows its own officer's name; others are named by role until the API carries names.
  const me = useSession()?.user;
  const names = new Map(me === undefined ? [] : [[me.userId, me.displayName]]);
  const dispatchNames = useDispatchNames(alert);
  const unitName = (ref: string) => dispatchUnitName(ref, dispatchNames);
  return (
    <article className={`detail detail--${alert.colour}`} aria-label={S.detail} data-testid="alert-detail">
      <header>
        <h2>{alert.title}</h2>
        <p>
          <strong className={`colour-${alert.colour}`}>{L.colour[alert.colour]}</strong> ·{' '}
          {L.state[alert.state]} · v{alert.version} · {alert.ruleId}@{alert.ruleVersion}
        </p>
      </header>
      {detail.data?.alert.alertId === alert.alertId && (
        <CaseFromAlert
          key={alert.alertId}
          alert={alert}
          {...(detail.data.caseId === undefined ? {} : { caseId: detail.data.caseId })}
        />
      )}
      <section>
        <h4>{S.location}</h4>
        <p>
          <span title={alert.region.county}>{districtName(alert.region.county)}</span>{' '}
          {township !== undefined && <span title={township}>{townshipName}</span>} {alert.region.grid ?? ''}
          {alert.location !== undefined &&
            ` (${alert.location.lon.toFixed(4)}, ${alert.location.lat.toFixed(4)})`}
        </p>
      </section>
      <section>
        <h4>{S.explanation}</h4>
        <p>{explanation.summary}</p>
        <div className="detail__grid">
          <FactList title={S.values} values={explanation.values} testId="alert-facts" />
          <FactList title={S.thresholds} values={explanation.thresholds} testId="alert-thresholds" />
        </div>
        <EvidenceCount
          alertId={alert.alertId}
          evidence={explanation.evidence}
          events={detail.data?.evidenceEvents ?? []}
          caseEvents={detail.data?.evidenceCaseEvents ?? []}
        />
      </section>
      <NearbyCameras
        alert={alert}
        cameras={cameras.data?.items ?? []}
        regionName={`${districtName(alert.region.county)} · ${townshipName}`}
      />
      <section>
        <h4>{S.history}</h4>
        <ol className="detail__history">
          {(detail.data?.history ?? []).map((h) => {
            const line = historyLine(h, lang, names, unitName);
            return (
              <li key={h.seq} data-change={h.change}>
                <time dateTime={h.occurredAt}>{line.time}</time> {line.what} · {line.who}
                {line.note !== undefined && ` · ${line.note}`}
              </li>
            );
          })}
        </ol>
      </section>
      <AlertNotificationsList alertId={alert.alertId} version={serverVersion} />
    </article>
  );
}
