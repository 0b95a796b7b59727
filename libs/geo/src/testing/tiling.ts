import * as clipping from 'polygon-clipping';
import { areaKm2, pointInMultiPolygon, randomPointIn, type MultiPolygonRings } from '../polygon';
import { Prng } from '../prng';
import { type TownshipCell, type TownshipSeat } from '../township-cells';

// Test support (jest's expect): shared by the unit spec and the real-outlines int spec of tools/stack.
const { difference, union } = clipping;
type Geom = Parameters<typeof difference>[0];
const geom = (shape: MultiPolygonRings): Geom =>
  shape.map((poly) => poly.map((ring) => ring.map(([x, y]) => [x, y] as [number, number])));

/** The properties issue 21 asks of derived township areas, checked on any county and its seats. */
export function expectTiling(
  county: MultiPolygonRings,
  seats: readonly TownshipSeat[],
  cells: readonly TownshipCell[],
) {
  const countyArea = areaKm2(county);
  // Exactly one cell per township, in the seats' order, each a real area.
  expect(cells.map((c) => c.code)).toEqual(seats.map((s) => s.code));
  for (const c of cells)
    expect({ code: c.code, area: areaKm2(c.shape) > 0 }).toEqual({ code: c.code, area: true });
  // Inside the county: nothing of a cell lies outside the outline.
  for (const c of cells) {
    const outside = areaKm2(difference(geom(c.shape), geom(county)));
    expect({ code: c.code, outsideKm2: outside < 1e-6 * countyArea }).toEqual({
      code: c.code,
      outsideKm2: true,
    });
  }
  // They tile it: every point of the county lies in exactly one cell (pairwise intersection of cells
  // sharing edges trips polygon-clipping's "Unable to complete output ring", so sample instead) ...
  const rng = new Prng(cells.length);
  for (let k = 0; k < 500; k++) {
    const p = randomPointIn(rng, county);
    const owners = cells.filter((c) => pointInMultiPolygon(p, c.shape)).map((c) => c.code);
    expect({ p, owners: owners.length }).toEqual({ p, owners: 1 });
  }
  // ... and their areas add up to the county's as a point set: no gap, no overlap beyond rounding.
  // (The real outlines' simplified pieces overlap a little: 平昌县's add up to 0.12 km² more than
  // their union, which is what the cells cover.)
  const land = areaKm2(union(geom(county)));
  const total = cells.reduce((a, c) => a + areaKm2(c.shape), 0);
  expect(Math.abs(total - land) / land).toBeLessThan(1e-6);
}
