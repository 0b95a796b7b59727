import { useMemo } from 'react';
import { type BreakdownResponse } from '@fengqiao/contracts';
import { call } from '../api/call';
import { buildDrillMapOption, type DrillArea, type DrillPoint } from '../charts/builders/drill-map-option';
import { THEME } from '../charts/builders/palette';
import { type ChartClick } from '../charts/EChart';
import { usePolled } from '../common/hooks';
import { districtOf } from '../geo/city-districts';
import { countyGeoJson } from '../geo/district-map';
import { useTownshipAreas } from '../geo/township-areas';
import { useDistrictMap } from '../geo/useDistrictMap';
import { M } from '../i18n/strings';
import { ChartPanel } from './ChartPanel';
import { toCsv } from './csv';
import { drillDown, levelOf, type AnalysisView } from './view-state';

const CITY_MAP = 'analysis-districts';
const districtName = (code: string): string => districtOf(code)?.name ?? code;

interface Props {
  readonly view: AnalysisView;
  readonly breakdown: BreakdownResponse | undefined;
  readonly scale: number;
  readonly file: string;
  readonly go: (v: AnalysisView) => void;
}

/** A township's cameras, online green and offline red, around a grid cell's centre. */
const fetchTownshipCameras = (township: string, signal: AbortSignal) =>
  township === ''
    ? Promise.resolve(null)
    : call('cameras.search', { query: { township, limit: 200 } }, signal);

type Row = BreakdownResponse['rows'][number];

/** The rows the registry places (its centre of each township or grid cell), as drill bubbles. */
const placed = (rows: readonly Row[]): DrillPoint[] =>
  rows.flatMap((r) =>
    r.lon == null || r.lat == null
      ? []
      : [{ name: r.name ?? r.region, region: r.region, value: r.events, lon: r.lon, lat: r.lat }],
  );

const cameraPoint = (c: { name: string; lon: number; lat: number; online: boolean | null }): DrillPoint => ({
  name: c.name,
  lon: c.lon,
  lat: c.lat,
  value: 1,
  colour: c.online === true ? '#4ade80' : THEME.red,
});

/**
 * City → county → township → grid cell on the map; a click on an area or a bubble drills one level
 * down. Townships and grid cells sit at the region registry's centres (carried by the breakdown rows);
 * a row the registry does not place is left off the map (it is still ranked in the breakdown chart).
 */
export function DrillMapPanel({ view, breakdown, scale, file, go }: Props) {
  const map = useDistrictMap();
  const county = view.region.slice(0, 6);
  const level = levelOf(view.region);
  const township = level === 'grid' ? view.region.slice(0, 9) : '';
  const rows = useMemo(() => breakdown?.rows ?? [], [breakdown]);
  const cameras = usePolled((signal) => fetchTownshipCameras(township, signal), 300_000, township);
  // A county is drawn with its townships' derived areas (Voronoi cells of their seats, issue 21) once
  // they load; the plain outline until then. Each geometry registers under a name of its own.
  const townshipAreas = useTownshipAreas(map, county);
  const mapName =
    county === '' ? CITY_MAP : `analysis-county-${county}${townshipAreas === null ? '' : '-townships'}`;
  const maps = useMemo(
    () => ({
      [mapName]: county === '' ? map.geoJson : (townshipAreas?.geoJson ?? countyGeoJson(map, county)),
    }),
    [map, mapName, county, townshipAreas],
  );
  const points = useMemo(
    () =>
      level === 'grid' ? [...(cameras.data?.items ?? []).map(cameraPoint), ...placed(rows)] : placed(rows),
    [level, rows, cameras.data],
  );
  const option = useMemo(() => {
    const total = rows.reduce((s, r) => s + r.events, 0);
    const areas: DrillArea[] =
      county === ''
        ? rows.map((r) => ({ name: districtName(r.region), region: r.region, value: r.events }))
        : townshipAreas === null
          ? [{ name: districtName(county), region: county, value: total }]
          : // The townships shaded by events; the county outline, drawn over them, stays unfilled.
            level === 'county'
            ? rows.map((r) => ({ name: r.name ?? r.region, region: r.region, value: r.events }))
            : [];
    const townships =
      townshipAreas === null
        ? undefined
        : {
            countyName: townshipAreas.countyName,
            names: [...townshipAreas.townships.keys()],
            labels: level === 'county',
            note: M.derivedTownships,
          };
    return buildDrillMapOption({ mapName, areas, points: county === '' ? [] : points, scale, townships });
  }, [rows, county, points, mapName, scale, townshipAreas, level]);
  const onClick = (p: ChartClick): void => {
    // Bubbles carry their region; an area is drawn by the geo component, which reports its name only.
    const region =
      (p.data as { region?: string } | undefined)?.region ??
      rows.find((r) => districtName(r.region) === p.name || r.name === p.name)?.region ??
      townshipAreas?.townships.get(p.name);
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
        'data-level': level,
        'data-points': county === '' ? 0 : points.length,
        'data-township-areas': townshipAreas?.townships.size ?? 0,
      }}
    />
  );
}
