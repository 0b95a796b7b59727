import { buildMapOption, type CameraShareLabel, type MapOptionInput } from '../charts/builders/map-option';
import { THEME } from '../charts/builders/palette';
import { townshipLayers, type TownshipLayerStyle } from '../charts/builders/township-layers';
import type { ChartOption } from '../charts/EChart';
import { focusMap, type MapFocus } from './map-focus';

/** A county's derived township areas on the wall map (geo/township-areas.ts), shaded by events. */
export interface WallTownships {
  /** The name the county's township GeoJSON was registered under. */
  readonly mapName: string;
  readonly countyName: string;
  /** Events per township area, by the area's name (every area, 0 where none). */
  readonly heat: readonly { readonly name: string; readonly value: number }[];
  /** That the areas are derived from township seats, not surveyed (M.derivedTownships). */
  readonly note: string;
}

/** A county view of the wall: its township areas when they could be built, else the city map looking at it. */
export interface WallCounty {
  readonly focus?: MapFocus | undefined;
  readonly townships?: WallTownships | undefined;
}

// Read across a room, not at a desk: larger names and borders than the analysis map's. The heat
// legend keeps the bottom left, so the note takes the bottom right.
const WALL_TOWNSHIPS: TownshipLayerStyle = { fontSize: 15, borderWidth: 1.2, noteSide: 'right' };

/** "南江县 · 视频在线 93.2%": the county's own label, which its unlabelled outline no longer carries. */
function countyCaption(name: string, shares: readonly CameraShareLabel[], scale: number) {
  const share = shares.find((s) => s.name === name);
  return {
    type: 'text' as const,
    left: Math.round(10 * scale),
    top: Math.round(8 * scale),
    silent: true,
    style: {
      text: share === undefined ? name : `${name} · ${share.text}`,
      fill: THEME.text,
      fontSize: Math.round(16 * scale),
      fontWeight: 'bold' as const,
    },
  };
}

/**
 * The wall's map. A county view draws the county's township areas (its outline over them, their names,
 * the derived note), shaded by the townships' events, with the alerts and hotspots on top; the county
 * then fills the map without a focus. Without them it is the city's map looking at the county.
 */
export function buildWallMapOption(input: MapOptionInput, county: WallCounty = {}): ChartOption {
  const t = county.townships;
  if (t === undefined) return focusMap(buildMapOption(input), county.focus);
  const option = buildMapOption({ ...input, mapName: t.mapName, heat: t.heat, cameraShares: [] });
  const names = t.heat.map((h) => h.name);
  const layers = townshipLayers(
    { countyName: t.countyName, names, labels: true, note: t.note },
    input.scale,
    WALL_TOWNSHIPS,
  );
  const geo = option.geo as Record<string, unknown>;
  return {
    ...option,
    geo: { ...geo, regions: layers.regions },
    graphic: [...layers.graphic, countyCaption(t.countyName, input.cameraShares ?? [], input.scale)],
  };
}

/** Every township area with its events (0 for a township without a row), in the areas' order. */
export function townshipHeat(
  townships: ReadonlyMap<string, string>,
  rows: readonly { readonly region: string; readonly events: number }[],
): { name: string; value: number }[] {
  const events = new Map(rows.map((r) => [r.region, r.events]));
  return [...townships].map(([name, code]) => ({ name, value: events.get(code) ?? 0 }));
}
