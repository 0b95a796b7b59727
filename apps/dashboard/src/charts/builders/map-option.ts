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
  /** Top hotspots, pulsing under the alerts: size by events, colour by how far above usual. */
  readonly hotspots?: readonly HotspotMarker[];
  /** Camera online share per district, written under the district's name. */
  readonly cameraShares?: readonly CameraShareLabel[];
}

export interface HotspotMarker {
  readonly name: string;
  readonly lon: number;
  readonly lat: number;
  readonly events: number;
  /** events ÷ the usual for this window (0 = unknown). */
  readonly ratio: number;
}

export interface CameraShareLabel {
  /** The district's name in the GeoJSON. */
  readonly name: string;
  /** e.g. "在线 93.2%", written under the name. */
  readonly text: string;
}

/** "巴州区" → "巴州区\n{cam|在线 93.2%}": the camera share as a second, smaller line of the label. */
export function districtLabel(name: string, shares: readonly CameraShareLabel[]): string {
  const share = shares.find((s) => s.name === name);
  return share === undefined ? name : `${name}\n{cam|${share.text}}`;
}

/** Twice the usual or more: the hotter colour of the heat scale (red stays reserved for red alerts). */
export function hotspotColour(ratio: number): string {
  return ratio >= 2 ? THEME.heat[4] : THEME.heat[3];
}

/** The alert marker's symbol size at scale 1 (shared with the overlay so ring and dot match). */
export const ALERT_SYMBOL = 24;

/** A hotspot's dot diameter: 10 px for the quietest up to 24 px for the busiest shown (× scale). */
export function hotspotSize(h: HotspotMarker, maxEvents: number, scale: number): number {
  return (10 + 14 * (h.events / maxEvents)) * scale;
}

// Static scatter, not effectScatter: endless canvas ripples redrew the whole map 60×/s (p95 frame work
// 19 ms). The pulse is an HTML overlay animated on the compositor (wall/PulseOverlay.tsx).
function hotspotSeries(hotspots: readonly HotspotMarker[], scale: number) {
  const max = Math.max(1, ...hotspots.map((h) => h.events));
  return {
    type: 'scatter' as const,
    coordinateSystem: 'geo' as const,
    zlevel: 1,
    data: hotspots.map((h) => ({
      name: h.name,
      value: [h.lon, h.lat, h.events],
      symbolSize: hotspotSize(h, max, scale),
      itemStyle: { color: hotspotColour(h.ratio), opacity: 0.6 },
    })),
  };
}

/** Districts shaded by hotspot heat, alerts in their colour on top (their pulse: pulse-overlay.ts). */
export function buildMapOption(input: MapOptionInput): ChartOption {
  const { mapName, heat, markers, scale } = input;
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
      label: {
        show: true,
        color: THEME.text,
        fontSize: font,
        fontWeight: 'bold',
        formatter: (p: { name: string }) => districtLabel(p.name, input.cameraShares ?? []),
        rich: {
          cam: {
            color: THEME.text,
            fontSize: Math.round(13 * scale),
            fontWeight: 'normal',
            lineHeight: 20 * scale,
          },
        },
      },
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
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 2,
        symbolSize: ALERT_SYMBOL * scale,
        data: markers.map((m) => ({
          name: m.name,
          value: [m.lon, m.lat],
          itemStyle: { color: THEME[m.colour], borderColor: '#ffffff', borderWidth: 2 * scale },
        })),
      },
      hotspotSeries(input.hotspots ?? [], scale),
    ],
  };
}
