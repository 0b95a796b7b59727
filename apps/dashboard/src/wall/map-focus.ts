import type { ChartOption } from '../charts/EChart';

/** Where a map looks: a point and a zoom (1 = the whole city). */
export interface MapFocus {
  readonly lon: number;
  readonly lat: number;
  readonly zoom: number;
}

/** A county fills most of the map at this zoom, centred on its registry point. */
export const COUNTY_ZOOM = 1.8;

export function countyFocus(point: { readonly lon: number; readonly lat: number } | null | undefined) {
  return point == null ? undefined : { lon: point.lon, lat: point.lat, zoom: COUNTY_ZOOM };
}

/** The same map option looking at `focus` (the geo component's centre and zoom); unchanged without one. */
export function focusMap(option: ChartOption, focus: MapFocus | undefined): ChartOption {
  const { geo } = option;
  if (focus === undefined || geo === undefined || Array.isArray(geo)) return option;
  return { ...option, geo: { ...geo, center: [focus.lon, focus.lat], zoom: focus.zoom } };
}
