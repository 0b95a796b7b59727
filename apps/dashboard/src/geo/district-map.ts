import { type District } from '@fengqiao/contracts';
import {
  BUILT_IN_DISTRICTS,
  districtShapesFromGeoJson,
  districtsFromGeoJson,
  schematicDistrictShapes,
  type DistrictShapes,
} from '@fengqiao/geo';
import { setCityDistricts } from './city-districts';

/**
 * Where boundaries come from: the dev/preview server (vite.config.ts) serves the file configured in
 * FQ_GEOJSON here, nginx does in production; absent → the generated schematic.
 */
export const DISTRICTS_GEOJSON_URL = '/geo/districts.geojson';

export interface DistrictMap {
  readonly source: 'configured' | 'schematic';
  /** The city's districts: the configured outlines' counties, or the built-in city's. */
  readonly districts: readonly District[];
  /** A FeatureCollection whose features are named by district name, as ECharts matches them. */
  readonly geoJson: object;
}

/** DistrictShapes → GeoJSON with `name` (what ECharts joins data on) and `adcode`. */
export function toGeoJson(shapes: DistrictShapes, districts: readonly District[]): object {
  return {
    type: 'FeatureCollection',
    features: districts.map((d) => ({
      type: 'Feature',
      properties: { name: d.name, adcode: d.code },
      geometry: { type: 'MultiPolygon', coordinates: shapes.get(d.code) ?? [] },
    })),
  };
}

export const schematicMap = (): DistrictMap => ({
  source: 'schematic',
  districts: BUILT_IN_DISTRICTS,
  geoJson: toGeoJson(schematicDistrictShapes(), BUILT_IN_DISTRICTS),
});

/** Loads the configured boundaries; any failure (none configured, bad file) yields the schematic. */
export async function loadDistrictMap(signal: AbortSignal): Promise<DistrictMap> {
  try {
    const res = await fetch(DISTRICTS_GEOJSON_URL, { signal });
    if (!res.ok) return schematicMap();
    const json: unknown = await res.json();
    const districts = districtsFromGeoJson(json);
    const geoJson = toGeoJson(districtShapesFromGeoJson(json, districts), districts);
    setCityDistricts(districts);
    return { source: 'configured', districts, geoJson };
  } catch {
    return schematicMap();
  }
}

/** One county's outline out of the district map (the analysis map zoomed to a county). */
export function countyGeoJson(map: DistrictMap, county: string): object {
  const all = map.geoJson as { features?: { properties?: { adcode?: string } }[] };
  return {
    type: 'FeatureCollection',
    features: (all.features ?? []).filter((f) => f.properties?.adcode === county),
  };
}
