import { type AlertColour } from '@fengqiao/contracts';
import type { ChartOption } from '../EChart';
import { THEME } from './palette';

export interface MapMarker {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly colour: AlertColour;
}

export interface MapOptionInput {
  /** The name the district GeoJSON was registered under. */
  readonly mapName: string;
  /** Events per district, keyed by the district's name in the GeoJSON. */
  readonly heat: readonly { readonly name: string; readonly value: number }[];
  /** Red alerts where they happen, and hotspot pulses. */
  readonly markers: readonly MapMarker[];
  readonly scale: number;
}

/** Districts shaded by hotspot heat, alerts pulsing in their colour on top. */
export function buildMapOption({ mapName, heat, markers, scale }: MapOptionInput): ChartOption {
  const max = Math.max(1, ...heat.map((h) => h.value));
  // From the quietest district, so the differences between districts show, not their common base.
  const min = Math.min(max - 1, ...heat.map((h) => h.value));
  const font = Math.round(16 * scale);
  return {
    backgroundColor: 'transparent',
    visualMap: {
      min,
      max,
      calculable: false,
      text: ['▲', '▼'],
      orient: 'vertical',
      left: 8 * scale,
      bottom: 8 * scale,
      itemWidth: 12 * scale,
      itemHeight: 90 * scale,
      inRange: { color: [...THEME.heat] },
      textStyle: { color: THEME.muted, fontSize: Math.round(13 * scale) },
      seriesIndex: 0,
    },
    geo: {
      map: mapName,
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      label: { show: true, color: THEME.text, fontSize: font, fontWeight: 'bold' },
      itemStyle: { areaColor: THEME.panel, borderColor: '#5b7bb0', borderWidth: 1.5 * scale },
      emphasis: { disabled: true },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: heat.map((h) => ({ name: h.name, value: h.value })),
      },
      {
        type: 'effectScatter',
        coordinateSystem: 'geo',
        zlevel: 2,
        rippleEffect: { brushType: 'stroke', scale: 4 },
        symbolSize: 24 * scale,
        data: markers.map((m) => ({
          name: m.name,
          value: [m.lon, m.lat],
          itemStyle: { color: THEME[m.colour], borderColor: '#ffffff', borderWidth: 2 * scale },
        })),
      },
    ],
  };
}
