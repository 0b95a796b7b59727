import { BAZHONG_DISTRICTS, type GeoPoint } from '@fengqiao/contracts';

/** The city's extent (domain.md: about 106.36–107.76 E, 31.25–32.74 N) with a small margin. */
const WEST = 106.3;
const EAST = 107.8;
const SOUTH = 31.2;
const NORTH = 32.8;
/** At 32° N a degree of longitude is ~0.85 of a degree of latitude: keep the shape undistorted. */
export const MAP_W = 240;
export const MAP_H = Math.round((MAP_W * (NORTH - SOUTH)) / ((EAST - WEST) * 0.85));

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function toSvg(p: GeoPoint): { x: number; y: number } {
  return { x: ((p.lon - WEST) / (EAST - WEST)) * MAP_W, y: ((NORTH - p.lat) / (NORTH - SOUTH)) * MAP_H };
}

export function fromSvg(x: number, y: number): GeoPoint {
  return {
    lon: round3(WEST + (Math.min(Math.max(x, 0), MAP_W) / MAP_W) * (EAST - WEST)),
    lat: round3(NORTH - (Math.min(Math.max(y, 0), MAP_H) / MAP_H) * (NORTH - SOUTH)),
  };
}

/** The district whose seat is nearest: a first guess of the county from a point on the map. */
export function nearestCounty(p: GeoPoint): string {
  let best = BAZHONG_DISTRICTS[0]?.code ?? '';
  let bestD = Infinity;
  for (const d of BAZHONG_DISTRICTS) {
    const dist = (d.seat.lon - p.lon) ** 2 + (d.seat.lat - p.lat) ** 2;
    if (dist < bestD) [best, bestD] = [d.code, dist];
  }
  return best;
}

const STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * The point an arrow key moves to (0.01°, ≈1 km; 0.1° with Shift), starting from the chosen county's
 * seat; null for any other key.
 */
export function nudge(point: GeoPoint | null, county: string, key: string, big: boolean): GeoPoint | null {
  const step = STEPS[key];
  if (step === undefined) return null;
  const from = point ??
    BAZHONG_DISTRICTS.find((d) => d.code === county)?.seat ?? { lon: 106.754, lat: 31.858 };
  const size = big ? 0.1 : 0.01;
  return {
    lon: round3(Math.min(Math.max(from.lon + step[0] * size, WEST), EAST)),
    lat: round3(Math.min(Math.max(from.lat + step[1] * size, SOUTH), NORTH)),
  };
}

/** The code of the region whose representative point is nearest to `p`; null when none has a point. */
export function nearestRegion(
  regions: readonly { readonly code: string; readonly point: GeoPoint | null }[],
  p: GeoPoint,
): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const r of regions) {
    if (r.point === null) continue;
    // Degrees of longitude are ~0.85 of latitude's here; enough to rank neighbouring townships.
    const d = ((r.point.lon - p.lon) * 0.85) ** 2 + (r.point.lat - p.lat) ** 2;
    if (d < bestD) [best, bestD] = [r.code, d];
  }
  return best;
}
