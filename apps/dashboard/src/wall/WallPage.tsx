import { cityClockTime, cityDateOf } from '@fengqiao/domain';
import { useNow, useViewportScale } from '../common/hooks';
import { ConnectionBanner } from '../common/ConnectionBanner';
import { S } from '../i18n/strings';
import { useLiveAlerts } from '../live/LiveAlerts';
import { AlertTicker } from './AlertTicker';
import { DistrictMapPanel } from './DistrictMapPanel';
import { HotspotList } from './HotspotList';
import { KpiTiles } from './KpiTiles';
import { useCameraStatus, useHotspots } from './live-data';
import { TrendPanels } from './TrendPanels';
import { VideoPatrolSlot } from './VideoPatrolSlot';
import './wall.css';

function Clock() {
  const now = useNow(1000);
  return <span className="wall__clock">{`${cityDateOf(now)} ${cityClockTime(now)}`}</span>;
}

/** The unattended wall: no interaction, no scrollbars, readable from across the room. */
export function WallPage() {
  const { status, server, book } = useLiveAlerts();
  const scale = useViewportScale();
  const hotspots = useHotspots();
  const cameras = useCameraStatus();
  return (
    <div className="wall" data-testid="wall" data-live={status} data-last-seq={book.lastSeq}>
      <header className="wall__header">
        <h1>{S.appTitle}</h1>
        <Clock />
      </header>
      <ConnectionBanner status={status} server={server} />
      <div className="wall__left">
        <KpiTiles />
        <HotspotList book={hotspots.book} live={hotspots.live} rest={hotspots.rest} />
      </div>
      <div className="wall__centre">
        <DistrictMapPanel scale={scale} hotspots={hotspots.book} cameras={cameras.aggregate} />
        <div className="wall__trends">
          <TrendPanels scale={scale} />
        </div>
      </div>
      <div className="wall__right">
        <AlertTicker />
        <VideoPatrolSlot cameras={cameras.aggregate} />
      </div>
    </div>
  );
}
