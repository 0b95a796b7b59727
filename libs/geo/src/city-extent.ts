import { type CityExtent } from '@fengqiao/contracts';
import { districtShapesFromGeoJson, schematicDistrictShapes } from './boundaries';
import { BUILT_IN_CITY } from './built-in-city';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, bboxOf } from './polygon';

/**
 * The margin around the outlines' box. Small against a city (~150 km across), and wide enough that
 * Bazhong's real outline and its schematic stand-in (used where no outlines are configured) lie
 * inside each other's extent: they differ by up to 0.11° (~10 km east-west, 5 km north-south).
 */
export const CITY_EXTENT_MARGIN_KM = 10;

/**
 * The configured city's extent (contracts CityExtent): the bounding box of its county outlines
 * (FQ_GEOJSON, parsed) widened by the margin; without outlines, the built-in city's schematic, which
 * is what the seed then places things in. Another city without outlines has no extent: undefined.
 */
export function cityExtentOf(
  geojson: unknown,
  cityCode: string,
  marginKm: number = CITY_EXTENT_MARGIN_KM,
): CityExtent | undefined {
  if (geojson === undefined && cityCode.slice(0, 4) !== BUILT_IN_CITY.code) return undefined;
  const shapes = geojson === undefined ? schematicDistrictShapes() : districtShapesFromGeoJson(geojson);
  const boxes = [...shapes.values()].map(bboxOf);
  const dLon = marginKm / KM_PER_DEG_LON;
  const dLat = marginKm / KM_PER_DEG_LAT;
  return {
    minLon: Math.min(...boxes.map((b) => b.minLon)) - dLon,
    minLat: Math.min(...boxes.map((b) => b.minLat)) - dLat,
    maxLon: Math.max(...boxes.map((b) => b.maxLon)) + dLon,
    maxLat: Math.max(...boxes.map((b) => b.maxLat)) + dLat,
    marginKm,
  };
}
