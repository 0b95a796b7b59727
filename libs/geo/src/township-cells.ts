import * as clipping from 'polygon-clipping';
import { type GeoPoint } from '@fengqiao/contracts';
import { GeoError } from './geo-error';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, bboxOf, type MultiPolygonRings } from './polygon';

/**
 * Township areas are DERIVED, not surveyed (issue 21): no open dataset carries Bazhong's township
 * borders, so each township gets the Voronoi cell of its seat (the region registry's centre) clipped
 * to its county's real outline. What the map shows says so: 派生的乡镇边界，仅示意.
 */
export const DERIVED_TOWNSHIP_NOTE = '派生的乡镇边界，仅示意';

export interface TownshipSeat {
  readonly code: string;
  readonly name: string;
  readonly seat: GeoPoint;
}

export interface TownshipCell extends TownshipSeat {
  /** The part of the county nearer this seat than any other (one or more pieces). */
  readonly shape: MultiPolygonRings;
}

type XY = readonly [number, number];

// polygon-clipping ships CJS (module.exports = { intersection, … }) and an ESM build whose only
// export is that object as `default`: take the function from whichever the bundler handed over.
type Clipping = typeof clipping;
const intersection: Clipping['intersection'] =
  (clipping as Clipping & { readonly default?: Clipping }).default?.intersection ?? clipping.intersection;

/**
 * Keeps the part of a convex polygon on seat `a`'s side of the bisector of a–b
 * (Sutherland–Hodgman against one half-plane; a convex polygon stays convex).
 */
function nearerTo(poly: readonly XY[], a: XY, b: XY): XY[] {
  const nx = b[0] - a[0];
  const ny = b[1] - a[1];
  const c = (nx * (a[0] + b[0])) / 2 + (ny * (a[1] + b[1])) / 2;
  const side = (p: XY): number => p[0] * nx + p[1] * ny - c; // ≤ 0: nearer to a
  const out: XY[] = [];
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as XY;
    const q = poly[(i + 1) % poly.length] as XY;
    const sp = side(p);
    const sq = side(q);
    if (sp <= 0) out.push(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

type Pair = [number, number];

/**
 * The county's part inside a cell. polygon-clipping can fail on near-degenerate input ("Unable to
 * complete output ring"); the cell rounded to 1e-7° (~1 cm) is tried once before GEO_CLIP_FAILED.
 */
function clipped(subject: Pair[][][], ring: Pair[], code: string): MultiPolygonRings {
  try {
    return intersection(subject, [ring]);
  } catch {
    const r = (v: number): number => Math.round(v * 1e7) / 1e7;
    try {
      return intersection(subject, [ring.map(([x, y]) => [r(x), r(y)] as Pair)]);
    } catch (e) {
      throw new GeoError(
        'GEO_CLIP_FAILED',
        `township ${code}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
}

/**
 * Each township's Voronoi cell of the seats (on a km grid, so bisectors are true perpendiculars),
 * clipped to the county's outline: the cells tile the county, every township gets exactly one
 * (empty only if its seat and all its nearest ground lie outside the outline). Throws
 * GEO_DUPLICATE_SEAT when two townships share a seat (their cells would be undefined).
 */
export function townshipCells(county: MultiPolygonRings, seats: readonly TownshipSeat[]): TownshipCell[] {
  if (seats.length === 0) return [];
  const box = bboxOf(county);
  const toXY = (p: GeoPoint): XY => [p.lon * KM_PER_DEG_LON, p.lat * KM_PER_DEG_LAT];
  const xy = seats.map((s) => toXY(s.seat));
  const seen = new Map<string, string>();
  seats.forEach((s, i) => {
    const key = (xy[i] as XY).join(',');
    const other = seen.get(key);
    if (other !== undefined)
      throw new GeoError('GEO_DUPLICATE_SEAT', `townships ${other} and ${s.code} share the seat ${key}`);
    seen.set(key, s.code);
  });
  // A frame well beyond the county and every seat: each cell starts as this and is cut down.
  const lo = toXY({ lon: box.minLon, lat: box.minLat });
  const hi = toXY({ lon: box.maxLon, lat: box.maxLat });
  const minX = Math.min(lo[0], ...xy.map((p) => p[0])) - 10;
  const minY = Math.min(lo[1], ...xy.map((p) => p[1])) - 10;
  const maxX = Math.max(hi[0], ...xy.map((p) => p[0])) + 10;
  const maxY = Math.max(hi[1], ...xy.map((p) => p[1])) + 10;
  const frame: XY[] = [
    [minX, minY],
    [maxX, minY],
    [maxX, maxY],
    [minX, maxY],
  ];
  const subject = county.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Pair)));
  return seats.map((s, i) => {
    const a = xy[i] as XY;
    let cell = frame;
    xy.forEach((b, j) => {
      if (j !== i && cell.length > 0) cell = nearerTo(cell, a, b);
    });
    if (cell.length < 3) return { ...s, shape: [] };
    const ring = cell.map(([x, y]) => [x / KM_PER_DEG_LON, y / KM_PER_DEG_LAT] as Pair);
    ring.push(ring[0] as Pair);
    return { ...s, shape: clipped(subject, ring, s.code) };
  });
}
