import { useMemo } from 'react';
import { BAZHONG_DISTRICTS, cameraSearchResponseSchema, type BreakdownResponse } from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';
import { buildDrillMapOption, type DrillArea, type DrillPoint } from '../charts/builders/drill-map-option';
import { THEME } from '../charts/builders/palette';
import { type ChartClick } from '../charts/EChart';
import { usePolled } from '../common/hooks';
import { countyGeoJson } from '../geo/district-map';
import { useTownshipPoints } from '../geo/township-points';
import { useDistrictMap } from '../geo/useDistrictMap';
import { M } from '../i18n/strings';
import { ChartPanel } from './ChartPanel';
import { toCsv } from './csv';
import { drillDown, type AnalysisView } from './view-state';

const CITY_MAP = 'analysis-districts';
const districtName = (code: string): string => BAZHONG_DISTRICTS.find((d) => d.code === code)?.name ?? code;

interface Props {
  readonly view: AnalysisView;
  readonly breakdown: BreakdownResponse | undefined;
  readonly scale: number;
  readonly file: string;
  readonly go: (v: AnalysisView) => void;
}

/** A township's cameras, online green and offline red: the level below a township on this map. */
const fetchTownshipCameras = (township: string, signal: AbortSignal) =>
  township === ''
    ? Promise.resolve(null)
    : apiGet(`/api/cameras${queryString({ township, limit: 200 })}`, cameraSearchResponseSchema, signal);

/** City → county → township on the map; a click on an area or a bubble drills one level down. */
export function DrillMapPanel({ view, breakdown, scale, file, go }: Props) {
  const map = useDistrictMap();
  const county = view.region.slice(0, 6);
  const township = view.region.length === 9 ? view.region : '';
  const rows = useMemo(() => breakdown?.rows ?? [], [breakdown]);
  const points = useTownshipPoints(view.region.length === 6 ? rows.map((r) => r.region) : []);
  const cameras = usePolled((signal) => fetchTownshipCameras(township, signal), 300_000, township);
  const mapName = county === '' ? CITY_MAP : `analysis-county-${county}`;
  const maps = useMemo(
    () => ({ [mapName]: county === '' ? map.geoJson : countyGeoJson(map, county) }),
    [map, mapName, county],
  );
  const option = useMemo(() => {
    const total = rows.reduce((s, r) => s + r.events, 0);
    const areas: DrillArea[] =
      county === ''
        ? rows.map((r) => ({ name: districtName(r.region), region: r.region, value: r.events }))
        : [{ name: districtName(county), region: county, value: total }];
    const bubbles: DrillPoint[] =
      township !== ''
        ? (cameras.data?.items ?? []).map((c) => ({
            name: c.name,
            lon: c.lon,
            lat: c.lat,
            value: 1,
            colour: c.online === true ? '#4ade80' : THEME.red,
          }))
        : rows.flatMap((r) => {
            const p = points.get(r.region);
            return p === undefined
              ? []
              : [{ name: r.name ?? r.region, region: r.region, value: r.events, ...p }];
          });
    return buildDrillMapOption({ mapName, areas, points: bubbles, scale });
  }, [rows, county, township, cameras.data, points, mapName, scale]);
  const onClick = (p: ChartClick): void => {
    // Bubbles carry their region; an area is drawn by the geo component, which reports its name only.
    const region =
      (p.data as { region?: string } | undefined)?.region ??
      rows.find((r) => districtName(r.region) === p.name || r.name === p.name)?.region;
    if (region !== undefined && region !== view.region) go(drillDown(view, region));
  };
  return (
    <ChartPanel
      title={M.regionMap}
      className="analysis__map"
      testId="drill-map"
      option={option}
      maps={maps}
      onClick={onClick}
      file={`${file}-map`}
      csv={() =>
        toCsv(
          ['region', 'name', 'events'],
          rows.map((r) => [r.region, r.name, r.events]),
        )
      }
      data={{
        'data-level': township !== '' ? 'township' : county !== '' ? 'county' : 'city',
        'data-points': points.size,
      }}
      note={township !== '' ? M.gridAwaiting : undefined}
    />
  );
}
