import { BAZHONG_DISTRICTS, type District } from '@fengqiao/contracts';
import { GeoError } from './geo-error';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, areaKm2, type MultiPolygonRings, type Ring } from './polygon';

/** The shape of each district, keyed by its 6-digit county code. */
export type DistrictShapes = ReadonlyMap<string, MultiPolygonRings>;

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null;

function toRing(raw: Json, where: string): Ring {
  if (!Array.isArray(raw) || raw.length < 4)
    throw new GeoError('GEO_BAD_GEOJSON', `${where}: ring too short`);
  return raw.map((pos: Json) => {
    if (!Array.isArray(pos) || typeof pos[0] !== 'number' || typeof pos[1] !== 'number')
      throw new GeoError('GEO_BAD_GEOJSON', `${where}: position is not [lon, lat]`);
    return [pos[0], pos[1]] as const;
  });
}

function toShape(geometry: Json, where: string): MultiPolygonRings {
  if (!isObject(geometry) || !Array.isArray(geometry.coordinates))
    throw new GeoError('GEO_BAD_GEOJSON', `${where}: no geometry`);
  const polygons: Json[] =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  if (polygons.length === 0) throw new GeoError('GEO_BAD_GEOJSON', `${where}: not a (Multi)Polygon`);
  return polygons.map((poly, i) => {
    if (!Array.isArray(poly)) throw new GeoError('GEO_BAD_GEOJSON', `${where}: polygon ${i} malformed`);
    return poly.map((ring: Json, r) => toRing(ring, `${where} polygon ${i} ring ${r}`));
  });
}

/**
 * Reads district shapes from a GeoJSON FeatureCollection whose features carry an `adcode`
 * property (number or string). Boundaries are data: a deployment supplies its licensed file.
 */
export function districtShapesFromGeoJson(
  collection: Json,
  districts: readonly District[] = BAZHONG_DISTRICTS,
): DistrictShapes {
  if (!isObject(collection) || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new GeoError('GEO_BAD_GEOJSON', 'not a GeoJSON FeatureCollection');
  const shapes = new Map<string, MultiPolygonRings>();
  for (const feature of collection.features as Json[]) {
    if (!isObject(feature) || !isObject(feature.properties)) continue;
    const raw = feature.properties.adcode ?? feature.properties.code;
    const code = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
    if (districts.some((d) => d.code === code))
      shapes.set(code, toShape(feature.geometry, `feature ${code}`));
  }
  const missing = districts.filter((d) => !shapes.has(d.code)).map((d) => d.code);
  if (missing.length > 0) throw new GeoError('GEO_MISSING_DISTRICT', `no feature for ${missing.join(', ')}`);
  return shapes;
}

const SCHEMATIC_RAYS = 72;

/**
 * Star-shaped stand-ins for the real boundaries, built from each seat and area alone: a disc of the
 * district's area around its seat, cut by the power-diagram bisectors with its neighbours so
 * the districts tile without overlapping. Used when no boundary file is configured.
 */
export function schematicDistrictShapes(districts: readonly District[] = BAZHONG_DISTRICTS): DistrictShapes {
  const xy = districts.map((d) => ({ x: d.seat.lon * KM_PER_DEG_LON, y: d.seat.lat * KM_PER_DEG_LAT }));
  const radius = districts.map((d) => Math.sqrt(d.areaKm2 / Math.PI) * 1.15);
  const shapes = new Map<string, MultiPolygonRings>();
  districts.forEach((d, i) => {
    const a = xy[i] as { x: number; y: number };
    const ra = radius[i] as number;
    const ring: [number, number][] = [];
    for (let k = 0; k < SCHEMATIC_RAYS; k++) {
      const theta = (2 * Math.PI * k) / SCHEMATIC_RAYS;
      const ux = Math.cos(theta);
      const uy = Math.sin(theta);
      let t = ra;
      xy.forEach((b, j) => {
        if (j === i) return;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const towards = ux * dx + uy * dy;
        const rb = radius[j] as number;
        if (towards > 0) t = Math.min(t, (dx * dx + dy * dy + ra * ra - rb * rb) / (2 * towards));
      });
      t = Math.max(t, 1);
      ring.push([(a.x + t * ux) / KM_PER_DEG_LON, (a.y + t * uy) / KM_PER_DEG_LAT]);
    }
    ring.push(ring[0] as [number, number]);
    shapes.set(d.code, [[ring]]);
  });
  return shapes;
}

/** The area of each district's shape in km², for checks and proportions. */
export function shapeAreas(shapes: DistrictShapes): Map<string, number> {
  return new Map([...shapes].map(([code, shape]) => [code, areaKm2(shape)]));
}
