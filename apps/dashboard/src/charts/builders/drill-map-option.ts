import type { ChartOption } from '../EChart';
import { THEME } from './palette';
import { townshipLayers, type TownshipLayers } from './township-layers';

export interface DrillArea {
  readonly name: string;
  readonly region: string;
  readonly value: number;
}

export interface DrillPoint {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly value: number;
  /** Set: a click drills into this region. */
  readonly region?: string;
  /** Overrides the heat colour (e.g. a camera's online state). */
  readonly colour?: string;
}

export interface DrillMapInput {
  /** The registered map: the city's districts, or one county's outline. */
  readonly mapName: string;
  /** Shaded areas (the districts at city level; the one county below it). */
  readonly areas: readonly DrillArea[];
  /** Bubbles: townships of a county sized by events, or a township's cameras. */
  readonly points: readonly DrillPoint[];
  readonly scale: number;
  /** A county's derived township areas drawn inside its outline (the map must then say they are derived). */
  readonly townships?: TownshipLayers;
}

/** The analysis map at any level: areas shaded by events, bubbles on top; both carry drill targets. */
export function buildDrillMapOption({
  mapName,
  areas,
  points,
  scale,
  townships,
}: DrillMapInput): ChartOption {
  const max = Math.max(1, ...areas.map((a) => a.value));
  // From the quietest area, so the differences show rather than the common base (as on the wall).
  const min = areas.length > 1 ? Math.min(max - 1, ...areas.map((a) => a.value)) : 0;
  const maxPoint = Math.max(1, ...points.map((p) => p.value));
  const font = Math.round(13 * scale);
  const layers = townships === undefined ? undefined : townshipLayers(townships, scale);
  // Labelled township areas shaded by events: the bubbles shrink to seat markers under the names.
  const seatsOnly = townships?.labels === true;
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item' },
    visualMap: {
      min,
      max,
      show: false,
      inRange: { color: [...THEME.heat.slice(0, 3)] },
      seriesIndex: 0,
    },
    geo: {
      map: mapName,
      roam: false,
      // With bubbles on top, only they are clickable (the one area shown is the current level itself),
      // unless the county's township areas are drawn: a click on one drills into that township.
      silent: points.length > 0 && townships === undefined,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      label: { show: points.length === 0, color: THEME.text, fontSize: font },
      itemStyle: { areaColor: THEME.panel, borderColor: '#5b7bb0', borderWidth: scale },
      emphasis: { label: { color: THEME.text }, itemStyle: { areaColor: '#1f5fa8' } },
      ...(layers === undefined ? {} : { regions: layers.regions }),
    },
    ...(layers === undefined ? {} : { graphic: layers.graphic }),
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: areas.map((a) => ({ name: a.name, value: a.value, region: a.region })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        label: {
          show: points.length <= 40 && townships?.labels !== true,
          formatter: '{b}',
          position: 'right',
          color: THEME.text,
          fontSize: font,
        },
        data: points.map((p) => ({
          name: p.name,
          value: [p.lon, p.lat, p.value],
          region: p.region,
          symbolSize:
            p.colour === undefined && !seatsOnly ? (8 + 22 * (p.value / maxPoint)) * scale : 8 * scale,
          itemStyle: { color: p.colour ?? THEME.heat[4], opacity: 0.85 },
        })),
      },
    ],
  };
}
