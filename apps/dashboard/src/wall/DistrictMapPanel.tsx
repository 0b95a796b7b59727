import { useCallback, useMemo, useRef, useState } from 'react';
import { type CameraStatusAggregate } from '@fengqiao/contracts';
import { type CameraShareLabel, type MapMarker } from '../charts/builders/map-option';
import { pulseItems, samePulses, type PulseItem } from '../charts/builders/pulse-overlay';
import { EChart, type ChartHandle } from '../charts/EChart';
import { isStale, useNow, usePolled } from '../common/hooks';
import { cityDistricts } from '../geo/city-districts';
import { useDistrictMap } from '../geo/useDistrictMap';
import { M, S } from '../i18n/strings';
import { type HotspotBook } from '../live/hotspot-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { useTownshipPoints } from '../geo/township-points';
import { buildWallMapOption } from './county-map-option';
import { type MapFocus } from './map-focus';
import { alertMarkers, sameMarkers } from './map-markers';
import { PulseOverlay } from './PulseOverlay';
import { useWallTownships } from './useWallTownships';
import { fetchDistrictHeat } from './wall-data';

const MAP_NAME = 'bazhong-districts';

interface Props {
  readonly scale: number;
  readonly hotspots: HotspotBook;
  readonly cameras: CameraStatusAggregate | undefined;
  /** A county view of the wall: the map looks at that county (without its township areas)… */
  readonly focus?: MapFocus | undefined;
  /** …or draws that county's township areas alone, once they are built. */
  readonly county?: string | undefined;
}

/** Camera online share per district: township rows (a county-scoped wall) are summed to their county. */
export function districtShares(aggregate: CameraStatusAggregate | undefined): CameraShareLabel[] {
  return cityDistricts().flatMap((d) => {
    const rows = (aggregate?.rows ?? []).filter((r) => r.region.startsWith(d.code));
    const total = rows.reduce((s, r) => s + r.total, 0);
    const online = rows.reduce((s, r) => s + r.online, 0);
    if (total === 0) return [];
    return [{ name: d.name, text: `${M.cameraOnlineShort} ${((online / total) * 100).toFixed(1)}%` }];
  });
}

/** The previous marker list while the markers are the same: the option is rebuilt only when they change. */
function useSameMarkers(next: readonly MapMarker[]): readonly MapMarker[] {
  const kept = useRef(next);
  if (!sameMarkers(kept.current, next)) kept.current = next;
  return kept.current;
}

/** The rings over the markers, re-projected after every settled render of the chart (option, resize). */
function usePulses(input: Parameters<typeof pulseItems>[0]) {
  const chart = useRef<ChartHandle>(null);
  const [items, setItems] = useState<readonly PulseItem[]>([]);
  const onLayout = useCallback(() => {
    const handle = chart.current;
    if (handle === null) return;
    const next = pulseItems(input, (lon, lat) => handle.geoToPixel(lon, lat));
    setItems((prev) => (samePulses(prev, next) ? prev : next));
  }, [input]);
  return { chart, items, onLayout };
}

/** The districts shaded by 24 h of events; hotspots pulsing; red alerts where they are; cameras online. */
export function DistrictMapPanel({ scale, hotspots, cameras, focus, county }: Props) {
  const map = useDistrictMap();
  const heat = usePolled(fetchDistrictHeat, 60_000);
  const { book } = useLiveAlerts();
  const now = useNow(5000);
  const points = useTownshipPoints(hotspots.items.map((h) => h.township));
  const townships = useWallTownships(map, county);
  const alone = townships?.county;

  const markers = useSameMarkers(useMemo(() => alertMarkers(book.alerts.values(), alone), [book, alone]));

  const input = useMemo(() => {
    const values = map.districts.map((d) => ({
      name: d.name,
      value: heat.data?.rows.find((r) => r.region === d.code)?.events ?? 0,
    }));
    const hot = hotspots.items.flatMap((h) => {
      const p = points.get(h.township);
      const ratio = h.expected > 0 ? h.events / h.expected : 0;
      return p === undefined || (alone !== undefined && !h.township.startsWith(alone))
        ? []
        : [{ name: h.name ?? h.township, lon: p.lon, lat: p.lat, events: h.events, ratio }];
    });
    return {
      mapName: MAP_NAME,
      heat: values,
      markers,
      scale,
      hotspots: hot,
      cameraShares: districtShares(cameras),
    };
  }, [markers, heat.data, scale, hotspots.items, points, cameras, alone]);
  const option = useMemo(
    () => buildWallMapOption(input, { focus, townships: townships?.townships }),
    [input, focus, townships],
  );
  const maps = useMemo(() => townships?.maps ?? { [MAP_NAME]: map.geoJson }, [map, townships]);
  const pulses = usePulses(input);

  return (
    <section
      className="panel map"
      aria-label={S.map}
      data-map-source={map.source}
      data-hotspots-drawn={points.size}
      data-township-areas={townships?.townships.heat.length ?? 0}
    >
      <h2 className="panel__title">
        {S.map}
        {isStale(heat, now) && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <div className="map__stage">
        <EChart
          className="map__chart"
          option={option}
          maps={maps}
          label={S.map}
          handle={pulses.chart}
          onLayout={pulses.onLayout}
        />
        <PulseOverlay items={pulses.items} />
      </div>
    </section>
  );
}
