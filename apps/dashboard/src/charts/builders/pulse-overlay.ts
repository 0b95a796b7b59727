import { THEME } from './palette';
import { ALERT_SYMBOL, hotspotColour, hotspotSize, type HotspotMarker, type MapMarker } from './map-option';

/** Longitude/latitude → pixel in the chart's box, undefined while the map is not laid out yet. */
export type Projector = (lon: number, lat: number) => readonly [number, number] | undefined;

/**
 * One pulsing ring drawn as HTML over the chart. The canvas markers stay static; only these rings
 * animate, on the compositor, so the map's canvas is not redrawn every frame.
 */
export interface PulseItem {
  readonly key: string;
  readonly kind: 'alert' | 'hotspot';
  readonly x: number;
  readonly y: number;
  /** Diameter in px: the marker's symbol size, the ring grows from it. */
  readonly size: number;
  readonly colour: string;
}

export interface PulseInput {
  readonly markers: readonly MapMarker[];
  readonly hotspots?: readonly HotspotMarker[];
  readonly scale: number;
}

/** Alerts first, so a red alert's ring is painted over any hotspot ring at the same place. */
export function pulseItems(input: PulseInput, project: Projector): PulseItem[] {
  const hotspots = input.hotspots ?? [];
  const max = Math.max(1, ...hotspots.map((h) => h.events));
  const items: PulseItem[] = [];
  hotspots.forEach((h, i) => {
    const p = project(h.lon, h.lat);
    if (p === undefined) return;
    const size = hotspotSize(h, max, input.scale);
    items.push({
      key: `h${i}:${h.name}`,
      kind: 'hotspot',
      x: p[0],
      y: p[1],
      size,
      colour: hotspotColour(h.ratio),
    });
  });
  input.markers.forEach((m, i) => {
    const p = project(m.lon, m.lat);
    if (p === undefined) return;
    const size = ALERT_SYMBOL * input.scale;
    items.push({ key: `a${i}:${m.name}`, kind: 'alert', x: p[0], y: p[1], size, colour: THEME[m.colour] });
  });
  return items;
}

/** Same rings at the same whole pixels: lets the panel skip a re-render after an unrelated redraw. */
export function samePulses(a: readonly PulseItem[], b: readonly PulseItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.key === q.key &&
        p.colour === q.colour &&
        p.size === q.size &&
        Math.round(p.x) === Math.round(q.x) &&
        Math.round(p.y) === Math.round(q.y)
      );
    })
  );
}
