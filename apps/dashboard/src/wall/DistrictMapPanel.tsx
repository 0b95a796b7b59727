import { useEffect, useMemo, useState } from 'react';
import { BAZHONG_DISTRICTS } from '@fengqiao/contracts';
import { buildMapOption, type MapMarker } from '../charts/builders/map-option';
import { EChart } from '../charts/EChart';
import { isStale, useNow, usePolled } from '../common/hooks';
import { schematicMap, loadDistrictMap, type DistrictMap } from '../geo/district-map';
import { S } from '../i18n/strings';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import { alertPoint, fetchDistrictHeat } from './wall-data';

const MAP_NAME = 'bazhong-districts';

/** The five districts shaded by the last 24 h of events, open red alerts pulsing where they are. */
export function DistrictMapPanel({ scale }: { readonly scale: number }) {
  const [map, setMap] = useState<DistrictMap>(schematicMap);
  const heat = usePolled(fetchDistrictHeat, 60_000);
  const { book } = useLiveAlerts();
  const now = useNow(5000);

  useEffect(() => {
    const controller = new AbortController();
    void loadDistrictMap(controller.signal).then((m) => {
      if (!controller.signal.aborted) setMap(m);
    });
    return () => controller.abort();
  }, []);

  const option = useMemo(() => {
    const markers: MapMarker[] = openAlertsInOrder(book.alerts.values())
      .filter((a) => a.colour === 'red' || isFlashing(a))
      .slice(0, 50)
      .flatMap((a) => {
        const p = alertPoint(a);
        return p === undefined ? [] : [{ name: a.title, lon: p.lon, lat: p.lat, colour: a.colour }];
      });
    const values = BAZHONG_DISTRICTS.map((d) => ({
      name: d.name,
      value: heat.data?.rows.find((r) => r.region === d.code)?.events ?? 0,
    }));
    return buildMapOption({ mapName: MAP_NAME, heat: values, markers, scale });
  }, [book, heat.data, scale]);
  const maps = useMemo(() => ({ [MAP_NAME]: map.geoJson }), [map]);

  return (
    <section className="panel map" aria-label={S.map} data-map-source={map.source}>
      <h2 className="panel__title">
        {S.map}
        {isStale(heat, now) && <span className="panel__stale">⚠ {S.stale}</span>}
      </h2>
      <EChart className="panel__chart" option={option} maps={maps} label={S.map} />
    </section>
  );
}
