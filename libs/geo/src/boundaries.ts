import { type District } from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from './built-in-city';
import { GeoError } from './geo-error';
import {
  KM_PER_DEG_LAT,
  KM_PER_DEG_LON,
  areaKm2,
  bboxOf,
  pointInMultiPolygon,
  roundPoint,
  type MultiPolygonRings,
  type Ring,
} from './polygon';

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

interface CountyFeature {
  readonly code: string;
  readonly name: string;
  readonly center?: readonly [number, number];
  readonly geometry: Json;
}

/** The features with a 6-digit county `adcode` (number or string), in code order. */
function countyFeatures(collection: Json): CountyFeature[] {
  if (!isObject(collection) || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new GeoError('GEO_BAD_GEOJSON', 'not a GeoJSON FeatureCollection');
  const out: CountyFeature[] = [];
  for (const feature of collection.features as Json[]) {
    if (!isObject(feature) || !isObject(feature.properties)) continue;
    const p = feature.properties;
    const raw = p.adcode ?? p.code;
    const code = typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
    if (!/^[1-8]\d{5}$/.test(code)) continue;
    const c = p.center;
    const center =
      Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number'
        ? ([c[0], c[1]] as const)
        : undefined;
    const name = typeof p.name === 'string' && p.name !== '' ? p.name : code;
    out.push({ code, name, center, geometry: feature.geometry });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The districts of a configured city, read from its outlines (`adcode`, `name`, `center`): the seat is
 * the feature's centre when it lies inside, else a point of the outline's box centre; the area is the
 * outline's. A district the built-in city knows keeps its reference seat and official area.
 */
export function districtsFromGeoJson(collection: Json): District[] {
  const features = countyFeatures(collection);
  if (features.length === 0)
    throw new GeoError('GEO_MISSING_DISTRICT', 'no county feature (adcode) in the outlines');
  return features.map((f) => {
    const known = BUILT_IN_DISTRICTS.find((d) => d.code === f.code);
    if (known !== undefined) return known;
    const shape = toShape(f.geometry, `feature ${f.code}`);
    const box = bboxOf(shape);
    const given = f.center === undefined ? undefined : { lon: f.center[0], lat: f.center[1] };
    const seat =
      given !== undefined && pointInMultiPolygon(given, shape)
        ? given
        : roundPoint({ lon: (box.minLon + box.maxLon) / 2, lat: (box.minLat + box.maxLat) / 2 });
    return { code: f.code, name: f.name, pinyin: f.name, seat, areaKm2: Math.round(areaKm2(shape)) };
  });
}

/**
 * Reads district shapes from a GeoJSON FeatureCollection whose features carry an `adcode`
 * property (number or string). Boundaries are data: a deployment supplies its licensed file.
 * Without `districts`, every county feature of the file is a district.
 */
export function districtShapesFromGeoJson(collection: Json, districts?: readonly District[]): DistrictShapes {
  const features = countyFeatures(collection);
  if (features.length === 0)
    throw new GeoError('GEO_MISSING_DISTRICT', 'no county feature (adcode) in the outlines');
  const wanted = districts ?? features.map((f) => ({ code: f.code }));
  const shapes = new Map<string, MultiPolygonRings>();
  for (const f of features)
    if (wanted.some((d) => d.code === f.code)) shapes.set(f.code, toShape(f.geometry, `feature ${f.code}`));
  const missing = wanted.filter((d) => !shapes.has(d.code)).map((d) => d.code);
  if (missing.length > 0) throw new GeoError('GEO_MISSING_DISTRICT', `no feature for ${missing.join(', ')}`);
  return shapes;
}

const SCHEMATIC_RAYS = 72;

/**
 * Star-shaped stand-ins for the real boundaries, built from each seat and area alone: a disc of the
 * district's area around its seat, cut by the power-diagram bisectors with its neighbours so
 * the districts tile without overlapping. Used when no boundary file is configured.
 */
export function schematicDistrictShapes(districts: readonly District[] = BUILT_IN_DISTRICTS): DistrictShapes {
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
