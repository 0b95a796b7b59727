import { memo, useEffect, useMemo, useState } from 'react';
import { type CameraStatusAggregate, type GeoPoint } from '@fengqiao/contracts';
import { call } from '../api/call';
import { type HotspotBook } from '../live/hotspot-book';
import { type Polled } from '../common/hooks';
import { AlertTicker } from './AlertTicker';
import { DistrictMapPanel } from './DistrictMapPanel';
import { HotspotList } from './HotspotList';
import { KpiTiles } from './KpiTiles';
import { SiteTypePanel } from './SiteTypePanel';
import { countyFocus } from './map-focus';
import { TrendPanels } from './TrendPanels';
import { VideoPatrolSlot } from './VideoPatrolSlot';
import { VideoWall } from './VideoWall';
import { type WallConfig, type WallView } from './wall-config';

export interface WallSources {
  readonly scale: number;
  readonly hotspots: { book: HotspotBook; live: boolean; rest: Polled<HotspotBook> };
  readonly cameras: CameraStatusAggregate | undefined;
}

/** A county's point from the region registry (the counties are the regions without a parent). */
function useCountyPoint(county: string | undefined): GeoPoint | null | undefined {
  const [point, setPoint] = useState<GeoPoint | null | undefined>(undefined);
  useEffect(() => {
    if (county === undefined) return undefined;
    const controller = new AbortController();
    call('regions.children', { query: {} }, controller.signal)
      .then((r) => setPoint(r.regions.find((c) => c.code === county)?.point ?? null))
      .catch(() => setPoint(null));
    return () => controller.abort();
  }, [county]);
  return point;
}

/** The overview (the whole city, or one county's map): KPIs, hotspots, map, trends, alerts, patrol. */
function Overview({ scale, hotspots, cameras, county }: WallSources & { readonly county?: string }) {
  const point = useCountyPoint(county);
  const focus = useMemo(() => (county === undefined ? undefined : countyFocus(point)), [county, point]);
  return (
    <>
      <div className="wall__left">
        <KpiTiles />
        <HotspotList book={hotspots.book} live={hotspots.live} rest={hotspots.rest} />
        <SiteTypePanel region={county} />
      </div>
      <div className="wall__centre">
        <DistrictMapPanel
          scale={scale}
          hotspots={hotspots.book}
          cameras={cameras}
          focus={focus}
          county={county}
        />
        <div className="wall__trends">
          <TrendPanels scale={scale} />
        </div>
      </div>
      <div className="wall__right">
        <AlertTicker county={county} />
        <VideoPatrolSlot cameras={cameras} />
      </div>
    </>
  );
}

/**
 * One step of the wall's rotation. The alert ticker stays in every view: a red is never off screen.
 * Memoised: the wall page re-renders on every alert change, and only the panels that read the alert
 * book (ticker, map, patrol) need to (they subscribe to it themselves); the rest of the view, trends
 * and KPI charts included, is left alone (docs/benchmarks.md, the wall under the grouping storm).
 */
export const WallViewBody = memo(function WallViewBody({
  view,
  config,
  sources,
}: {
  readonly view: WallView;
  readonly config: WallConfig;
  readonly sources: WallSources;
}) {
  switch (view.kind) {
    case 'city':
      return <Overview {...sources} />;
    case 'county':
      return <Overview {...sources} county={view.county} />;
    case 'video':
      return (
        <>
          <div className="wall__video">
            <VideoWall split={config.split} scope={config.patrol} cameras={sources.cameras} />
          </div>
          <div className="wall__right">
            <AlertTicker />
          </div>
        </>
      );
    case 'trends':
      return (
        <>
          <div className="wall__left">
            <KpiTiles />
            <HotspotList
              book={sources.hotspots.book}
              live={sources.hotspots.live}
              rest={sources.hotspots.rest}
            />
          </div>
          <div className="wall__centre wall__trends wall__trends--full">
            <TrendPanels scale={sources.scale} />
          </div>
          <div className="wall__right">
            <AlertTicker />
          </div>
        </>
      );
  }
});
