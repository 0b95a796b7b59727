import { useMemo } from 'react';
import { cityClockTime, cityDateOf } from '@fengqiao/domain';
import { useNow, useViewportScale } from '../common/hooks';
import { ConnectionBanner } from '../common/ConnectionBanner';
import { AppTitle } from '../common/AppTitle';
import { useLiveAlerts } from '../live/LiveAlerts';
import { IncidentTakeover } from './IncidentTakeover';
import { IW, viewLabel } from './incident-strings';
import { useCameraStatus, useHotspots } from './live-data';
import { useIncidentTakeover } from './useIncident';
import { useRotation } from './useRotation';
import { parseWallConfig, viewName } from './wall-config';
import { WallViewBody } from './WallViews';
import './wall.css';
import './incident.css';

function Clock() {
  const now = useNow(1000);
  return <span className="wall__clock">{`${cityDateOf(now)} ${cityClockTime(now)}`}</span>;
}

/**
 * The unattended wall: no interaction, no scrollbars, readable from across the room. It cycles
 * through the views its URL configures (wall-config.ts); a new red alert takes it over.
 */
export function WallPage() {
  const { status, server, book } = useLiveAlerts();
  const scale = useViewportScale();
  const hotspots = useHotspots();
  const cameras = useCameraStatus();
  const { config, problems } = useMemo(() => parseWallConfig(window.location.search), []);
  const { state: takeover, alert } = useIncidentTakeover(config.takeoverMs);
  const step = useRotation(config.rotation, alert !== undefined);
  const sources = useMemo(
    () => ({ scale, hotspots, cameras: cameras.aggregate }),
    [scale, hotspots, cameras.aggregate],
  );
  const view = alert === undefined ? viewName(step.view) : 'incident';
  return (
    <div
      className={`wall wall--${alert === undefined ? step.view.kind : 'incident'}`}
      data-testid="wall"
      data-live={status}
      data-last-seq={book.lastSeq}
      data-view={view}
    >
      <header className="wall__header">
        <h1>
          <AppTitle />
          {alert === undefined && config.rotation.length > 1 && (
            <span className="wall__view" data-testid="wall-view">
              {viewLabel(step.view)}
            </span>
          )}
        </h1>
        <Clock />
      </header>
      <ConnectionBanner status={status} server={server} />
      {problems.length > 0 && (
        <p
          className="wall__config-problem"
          data-testid="wall-config-problem"
          title={problems.map((p) => `${p.code} ${p.param}: ${p.message}`).join('\n')}
        >
          {`${IW.configProblem}: ${problems.map((p) => p.param).join(', ')}`}
        </p>
      )}
      {alert === undefined ? (
        <WallViewBody key={view} view={step.view} config={config} sources={sources} />
      ) : (
        <IncidentTakeover alert={alert} takeover={takeover} scale={scale} />
      )}
    </div>
  );
}
