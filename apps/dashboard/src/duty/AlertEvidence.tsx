import {
  type Alert,
  type AlertEvidenceCaseEvent,
  type AlertEvidenceEvent,
  type CameraSummary,
} from '@fengqiao/contracts';
import { cityClockTime } from '@fengqiao/domain';
import { categoryLabel, currentLang, L, S } from '../i18n/strings';
import { G } from '../live/group-strings';
import { SnapshotImage, VideoTile } from '../video';
import { otherEvidenceIds } from './case-evidence';
import { D } from './duty-strings';
import { EvidenceCaseEvents } from './EvidenceCaseEvents';
import { factLines, type FactNames } from './facts';

const lang = currentLang(window.location.search);
const NAMES: FactNames = {
  category: categoryLabel,
  siteType: (s) => G.siteType[s] ?? s,
  colour: (c) => (L.colour as Readonly<Record<string, string>>)[c] ?? c,
};

/** A rule's facts with their labels (the rule's own key on hover). */
export function FactList({
  title,
  values,
  testId,
}: {
  readonly title: string;
  readonly values: Readonly<Record<string, string | number | boolean>>;
  readonly testId: string;
}) {
  const lines = factLines(values, lang, NAMES);
  if (lines.length === 0) return null;
  return (
    <div className="detail__kv" data-testid={testId}>
      <h4>{title}</h4>
      <dl>
        {lines.map((l) => (
          <div key={l.key} data-fact={l.key}>
            <dt title={l.key}>{l.label}</dt>
            <dd>{l.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One analytics event the rule counted: when, which camera, what it saw, and its snapshot. */
function EvidenceEvent({ e, alertId }: { readonly e: AlertEvidenceEvent; readonly alertId: string }) {
  return (
    <li data-testid="evidence-event" data-event-id={e.eventId}>
      <time dateTime={e.occurredAt}>{cityClockTime(Date.parse(e.occurredAt))}</time>{' '}
      <span title={e.cameraId}>{e.cameraName ?? e.cameraId}</span> · {categoryLabel(e.kind)} · {D.confidence}{' '}
      {Math.round(e.confidence * 100)}%{e.headCount !== undefined && ` · ${D.headCount} ${e.headCount}`}
      {e.snapshotRef !== undefined && (
        <span className="detail__snapshot" data-testid="evidence-snapshot" title={e.snapshotRef}>
          {' '}
          · {D.snapshot}
        </span>
      )}
      {e.snapshotRef !== undefined && (
        <SnapshotImage
          cameraId={e.cameraId}
          snapshotRef={e.snapshotRef}
          why={{ reason: 'alert', alertId }}
          className="detail__snapshot-image"
        />
      )}
    </li>
  );
}

/**
 * The events the rule counted: the camera analytics events with their facts, then the count of all
 * of them with the ids kept behind a fold for whoever traces them.
 */
export function EvidenceCount({
  alertId,
  evidence,
  events,
  caseEvents = [],
}: {
  /** Whose evidence: its snapshots are read with play grants watched for this alert. */
  readonly alertId: string;
  readonly evidence: readonly string[];
  readonly events: readonly AlertEvidenceEvent[];
  readonly caseEvents?: readonly AlertEvidenceCaseEvent[];
}) {
  return (
    <details
      className="detail__evidence"
      data-testid="alert-evidence"
      open={events.length + caseEvents.length > 0}
    >
      <summary>
        {S.evidence}：{D.evidenceCount(evidence.length)}
      </summary>
      <ul>
        {events.map((e) => (
          <EvidenceEvent key={e.eventId} e={e} alertId={alertId} />
        ))}
        <EvidenceCaseEvents events={caseEvents} />
        {otherEvidenceIds(evidence, [...events, ...caseEvents]).map((id) => (
          <li key={id} className="detail__evidence-id">
            {id}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The nearest camera live (the play-grant path, watched for this alert) and the others by name. */
export function NearbyCameras({
  alert,
  cameras,
  regionName,
}: {
  readonly alert: Alert;
  readonly cameras: readonly CameraSummary[];
  readonly regionName: string;
}) {
  const live = cameras.find((c) => c.online !== false) ?? cameras[0];
  return (
    <section className="detail__nearby">
      <h4>{S.nearbyCameras}</h4>
      {live !== undefined && (
        <VideoTile
          key={`${alert.alertId}:${live.cameraId}`}
          camera={live}
          regionName={regionName}
          reason="alert"
          alertId={alert.alertId}
          className="detail__video"
        />
      )}
      <ul className="detail__cameras">
        {cameras.map((c) => (
          <li key={c.cameraId} data-camera-id={c.cameraId}>
            {c.name} <small>{c.online === false ? D.cameraOffline : D.cameraOnline}</small>
          </li>
        ))}
      </ul>
    </section>
  );
}
