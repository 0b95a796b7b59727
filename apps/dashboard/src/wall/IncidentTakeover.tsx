import { useMemo } from 'react';
import { type Alert } from '@fengqiao/contracts';
import { cityClockTime } from '@fengqiao/domain';
import { EChart } from '../charts/EChart';
import { useNow } from '../common/hooks';
import { useDistrictMap } from '../geo/useDistrictMap';
import { VideoTile } from '../video';
import { AlertTicker } from './AlertTicker';
import { IW, levelLabel, mmss } from './incident-strings';
import { buildIncidentMapOption } from './incident-map-option';
import { secondsLeft, type TakeoverState } from './takeover';
import { useIncidentPlace, type IncidentPlace } from './useIncident';
import { districtName } from './wall-data';

/** The takeover's video grid: 3×3 of the nearest cameras. */
const GRID_TILES = 9;
const MAP_NAME = 'bazhong-districts';

function IncidentMap({ place, scale }: { readonly place: IncidentPlace; readonly scale: number }) {
  const map = useDistrictMap();
  const maps = useMemo(() => ({ [MAP_NAME]: map.geoJson }), [map]);
  const { point, name } = place;
  const option = useMemo(
    () =>
      point === undefined
        ? undefined
        : buildIncidentMapOption({ mapName: MAP_NAME, point, label: name, scale }),
    [point, name, scale],
  );
  return (
    <div className="incident__map" data-testid="incident-map" data-lon={point?.lon} data-lat={point?.lat}>
      {option !== undefined && (
        <EChart className="incident__chart" option={option} maps={maps} label={name} />
      )}
    </div>
  );
}

/** What the wall already receives about the alert: no personal data (the alert contract has none). */
function IncidentFacts({ alert }: { readonly alert: Alert }) {
  const { explanation } = alert;
  const facts = Object.entries(explanation.values);
  return (
    <dl className="incident__facts" data-testid="incident-facts">
      <dt>{IW.summary}</dt>
      <dd className="incident__summary">{explanation.summary}</dd>
      <dt>{IW.rule}</dt>
      <dd>{`${alert.ruleId} v${alert.ruleVersion}`}</dd>
      {facts.length > 0 && <dt>{IW.facts}</dt>}
      {facts.slice(0, 4).map(([key, value]) => (
        <dd key={key} className="incident__fact">
          {`${key} ${String(value)}`}
          {explanation.thresholds[key] !== undefined && (
            <span className="incident__threshold">{` · ${IW.threshold} ${String(explanation.thresholds[key])}`}</span>
          )}
        </dd>
      ))}
      <dt>{IW.raisedAt}</dt>
      <dd>{`${cityClockTime(Date.parse(alert.raisedAt))} · ${IW.level} ${levelLabel(alert.escalationLevel)}`}</dd>
    </dl>
  );
}

interface Props {
  readonly alert: Alert;
  readonly takeover: TakeoverState;
  readonly scale: number;
}

/**
 * A new red alert holds the wall: where (the map on its township), what (the masked summary and why
 * the rule fired), the nearest cameras live in a 3×3 grid, and how long until the wall moves on.
 */
export function IncidentTakeover({ alert, takeover, scale }: Props) {
  const now = useNow(1000);
  const place = useIncidentPlace(alert, GRID_TILES);
  const left = secondsLeft(takeover, now);
  return (
    <div
      className="incident"
      data-testid="incident"
      data-alert-id={alert.alertId}
      data-queued={takeover.queue.length}
    >
      <header className="incident__banner">
        <span className="incident__badge">{IW.takeover}</span>
        <span className="incident__title">{alert.title}</span>
        <span className="incident__place" data-testid="incident-place">
          {place.name}
        </span>
        {takeover.queue.length > 0 && (
          <span className="incident__queued" data-testid="incident-queued">
            {`+${takeover.queue.length} ${IW.queued}`}
          </span>
        )}
        <span className="incident__countdown" data-testid="incident-countdown" data-seconds={left}>
          <small>{IW.countdown}</small>
          {mmss(left)}
        </span>
      </header>
      <div className="incident__left">
        <IncidentMap place={place} scale={scale} />
        <IncidentFacts alert={alert} />
      </div>
      <section
        className="incident__grid"
        aria-label={IW.nearest}
        data-testid="incident-grid"
        data-tiles={place.cameras.length}
      >
        {place.cameras.map((c) => (
          <VideoTile
            key={c.cameraId}
            camera={c}
            regionName={districtName(c.county)}
            reason="alert"
            alertId={alert.alertId}
          />
        ))}
      </section>
      <div className="incident__right">
        <AlertTicker />
      </div>
    </div>
  );
}
