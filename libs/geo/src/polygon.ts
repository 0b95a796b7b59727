import { type GeoPoint } from '@fengqiao/contracts';
import { type Prng } from './prng';

/** A closed ring of [lon, lat] positions (GeoJSON order). */
export type Ring = readonly (readonly [number, number])[];
/** Outer ring first, then holes (GeoJSON Polygon coordinates). */
export type PolygonRings = readonly Ring[];
/** GeoJSON MultiPolygon coordinates: the shape of one district. */
export type MultiPolygonRings = readonly PolygonRings[];

export interface BBox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

/** Kilometres per degree at Bazhong's latitude (equirectangular; error < 0.5% across the city). */
export const KM_PER_DEG_LAT = 110.9;
export const KM_PER_DEG_LON = 111.32 * Math.cos((32 * Math.PI) / 180);

/** Even-odd ray casting; points exactly on an edge may fall either way. */
export function pointInRing(p: GeoPoint, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > p.lat !== yj > p.lat && p.lon < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: GeoPoint, polygon: PolygonRings): boolean {
  const [outer, ...holes] = polygon;
  if (outer === undefined || !pointInRing(p, outer)) return false;
  return !holes.some((h) => pointInRing(p, h));
}

export function pointInMultiPolygon(p: GeoPoint, shape: MultiPolygonRings): boolean {
  return shape.some((poly) => pointInPolygon(p, poly));
}

export function bboxOf(shape: MultiPolygonRings): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const poly of shape)
    for (const ring of poly)
      for (const [lon, lat] of ring) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
  return { minLon, minLat, maxLon, maxLat };
}

/** Planar ring area in km² (shoelace on an equirectangular projection). */
export function ringAreaKm2(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    twice += (xj - xi) * (yj + yi);
  }
  return (Math.abs(twice) / 2) * KM_PER_DEG_LON * KM_PER_DEG_LAT;
}

export function areaKm2(shape: MultiPolygonRings): number {
  return shape.reduce((sum, [outer, ...holes]) => {
    const hole = holes.reduce((a, h) => a + ringAreaKm2(h), 0);
    return sum + (outer === undefined ? 0 : ringAreaKm2(outer)) - hole;
  }, 0);
}

/** Distance in km between two points (equirectangular; fine at city scale). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return Math.hypot((a.lon - b.lon) * KM_PER_DEG_LON, (a.lat - b.lat) * KM_PER_DEG_LAT);
}

/** Rounds to 6 decimals (~0.1 m): what the registry stores and what the contracts carry. */
export function roundPoint(p: GeoPoint): GeoPoint {
  return { lon: Math.round(p.lon * 1e6) / 1e6, lat: Math.round(p.lat * 1e6) / 1e6 };
}

/** A uniform point inside the shape (rejection sampling in its bounding box). */
export function randomPointIn(rng: Prng, shape: MultiPolygonRings, box: BBox = bboxOf(shape)): GeoPoint {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const p = roundPoint({ lon: rng.range(box.minLon, box.maxLon), lat: rng.range(box.minLat, box.maxLat) });
    if (pointInMultiPolygon(p, shape)) return p;
  }
  throw new RangeError('GEO_EMPTY_SHAPE: no point found inside the shape');
}

/**
 * A point scattered around `centre` (normal, sigma in km) that stays inside the shape; falls back
 * to the centre itself, which callers guarantee is inside.
 */
export function pointNear(rng: Prng, centre: GeoPoint, sigmaKm: number, shape: MultiPolygonRings): GeoPoint {
  for (let attempt = 0; attempt < 64; attempt++) {
    const p = roundPoint({
      lon: centre.lon + (rng.normal() * sigmaKm) / KM_PER_DEG_LON,
      lat: centre.lat + (rng.normal() * sigmaKm) / KM_PER_DEG_LAT,
    });
    if (pointInMultiPolygon(p, shape)) return p;
  }
  return centre;
}
