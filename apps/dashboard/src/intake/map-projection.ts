import { type GeoPoint } from '@fengqiao/contracts';
import { cityDistricts } from '../geo/city-districts';

export const MAP_W = 240;
export const MAP_H = 300;
/** Around the district seats: a county reaches ~0.4° beyond its seat. */
const MARGIN_DEG = 0.4;
/** At ~30° N a degree of longitude is ~0.85 of a degree of latitude: keep the shape undistorted. */
const LON_SHRINK = 0.85;

interface Extent {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

/** The configured city's extent, from its district seats, fitted to the map's aspect. */
function extent(): Extent {
  const seats = cityDistricts().map((d) => d.seat);
  const lons = seats.map((s) => s.lon);
  const lats = seats.map((s) => s.lat);
  const [cx, cy] = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
  const perPx = Math.max(
    (Math.max(...lats) - Math.min(...lats) + 2 * MARGIN_DEG) / MAP_H,
    ((Math.max(...lons) - Math.min(...lons) + 2 * MARGIN_DEG) * LON_SHRINK) / MAP_W,
  );
  const [halfLon, halfLat] = [(MAP_W * perPx) / LON_SHRINK / 2, (MAP_H * perPx) / 2];
  return { west: cx - halfLon, east: cx + halfLon, south: cy - halfLat, north: cy + halfLat };
}

const round3 = (n: number): number => Math.round(n * 1000) / 1000;

export function toSvg(p: GeoPoint): { x: number; y: number } {
  const { west: WEST, east: EAST, south: SOUTH, north: NORTH } = extent();
  return { x: ((p.lon - WEST) / (EAST - WEST)) * MAP_W, y: ((NORTH - p.lat) / (NORTH - SOUTH)) * MAP_H };
}

export function fromSvg(x: number, y: number): GeoPoint {
  const { west: WEST, east: EAST, south: SOUTH, north: NORTH } = extent();
  return {
    lon: round3(WEST + (Math.min(Math.max(x, 0), MAP_W) / MAP_W) * (EAST - WEST)),
    lat: round3(NORTH - (Math.min(Math.max(y, 0), MAP_H) / MAP_H) * (NORTH - SOUTH)),
  };
}

/** The district whose seat is nearest: a first guess of the county from a point on the map. */
export function nearestCounty(p: GeoPoint): string {
  const districts = cityDistricts();
  let best = districts[0]?.code ?? '';
  let bestD = Infinity;
  for (const d of districts) {
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
  const districts = cityDistricts();
  const from = point ?? (districts.find((d) => d.code === county) ?? districts[0])?.seat;
  if (from === undefined) return null;
  const { west: WEST, east: EAST, south: SOUTH, north: NORTH } = extent();
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
