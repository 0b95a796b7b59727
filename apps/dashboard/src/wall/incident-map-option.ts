import type { ChartOption } from '../charts/EChart';
import { THEME } from '../charts/builders/palette';

export interface IncidentMapInput {
  /** The name the district GeoJSON was registered under. */
  readonly mapName: string;
  /** Where the incident is: its township's centre, else the alert's own point. */
  readonly point: { readonly lon: number; readonly lat: number };
  /** Written beside the marker, large: the township (or county) a person in the room knows. */
  readonly label: string;
  readonly scale: number;
}

/**
 * ~0.35° across at this zoom on the city's outline: the township and its neighbours. The district
 * file has no township outlines, so the township is the labelled marker, the counties the frame.
 */
export const INCIDENT_ZOOM = 4;

/** The district map zoomed to the incident's township, one red marker, its name beside it. */
export function buildIncidentMapOption({ mapName, point, label, scale }: IncidentMapInput): ChartOption {
  return {
    backgroundColor: 'transparent',
    animation: false,
    geo: {
      map: mapName,
      roam: false,
      center: [point.lon, point.lat],
      zoom: INCIDENT_ZOOM,
      layoutCenter: ['50%', '50%'],
      layoutSize: '100%',
      label: { show: true, color: THEME.muted, fontSize: Math.round(18 * scale) },
      itemStyle: { areaColor: THEME.panel, borderColor: '#5b7bb0', borderWidth: 2 * scale },
      emphasis: { disabled: true },
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 2,
        symbolSize: 34 * scale,
        data: [{ name: label, value: [point.lon, point.lat] }],
        itemStyle: { color: THEME.red, borderColor: '#ffffff', borderWidth: 3 * scale },
        label: {
          show: true,
          formatter: '{b}',
          // Above the marker, centred: to its right the name ran off the narrow map panel.
          position: 'top',
          distance: 12 * scale,
          color: '#ffffff',
          fontSize: Math.round(28 * scale),
          fontWeight: 'bold',
          backgroundColor: 'rgba(120, 0, 0, 0.85)',
          padding: [6 * scale, 12 * scale],
          borderRadius: 6 * scale,
        },
      },
    ],
  };
}
