import { type Alert } from '@fengqiao/contracts';
import { type MapMarker } from '../charts/builders/map-option';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { alertPoint } from './wall-data';

/** Most alert markers the map draws. */
const MAX_MARKERS = 50;

/**
 * The map's alert markers: open red (and flashing) alerts where they are, in the book's order; only
 * `county`'s when the map draws that county alone.
 */
export function alertMarkers(alerts: Iterable<Alert>, county?: string): MapMarker[] {
  return openAlertsInOrder(alerts)
    .filter((a) => a.colour === 'red' || isFlashing(a))
    .filter((a) => county === undefined || a.region.county === county)
    .slice(0, MAX_MARKERS)
    .flatMap((a) => {
      const p = alertPoint(a);
      return p === undefined ? [] : [{ name: a.title, lon: p.lon, lat: p.lat, colour: a.colour }];
    });
}

/**
 * Whether two marker lists draw the same map. A storm of blue alerts changes the alert book every
 * second but none of the markers: the map keeps its option (no ECharts setOption, which redraws every
 * district polygon) unless a marker really moved, came or went (measured in docs/benchmarks.md).
 */
export function sameMarkers(a: readonly MapMarker[], b: readonly MapMarker[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const o = b[i];
      return (
        o !== undefined && m.name === o.name && m.lon === o.lon && m.lat === o.lat && m.colour === o.colour
      );
    })
  );
}
