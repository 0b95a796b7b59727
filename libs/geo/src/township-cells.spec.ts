import { type GeoPoint } from '@fengqiao/contracts';
import { buildDemoCity } from './demo-city';
import { GeoError } from './geo-error';
import { areaKm2, pointInMultiPolygon, randomPointIn, distanceKm, type MultiPolygonRings } from './polygon';
import { Prng } from './prng';
import { expectTiling } from './testing/tiling';
import { townshipCells, type TownshipSeat } from './township-cells';

/** A U (concave: its bay splits cells in two) with a hole in its base, and a separate island. */
const U: MultiPolygonRings = [
  [
    [
      [106.0, 31.0],
      [106.3, 31.0],
      [106.3, 31.3],
      [106.2, 31.3],
      [106.2, 31.1],
      [106.1, 31.1],
      [106.1, 31.3],
      [106.0, 31.3],
      [106.0, 31.0],
    ],
    [
      [106.14, 31.02],
      [106.16, 31.02],
      [106.16, 31.04],
      [106.14, 31.04],
      [106.14, 31.02],
    ],
  ],
  [
    [
      [106.4, 31.4],
      [106.45, 31.4],
      [106.45, 31.45],
      [106.4, 31.45],
      [106.4, 31.4],
    ],
  ],
];

const seat = (code: string, lon: number, lat: number): TownshipSeat => ({
  code,
  name: code,
  seat: { lon, lat },
});

describe('townshipCells (derived township areas: Voronoi cells of the seats clipped to the county)', () => {
  it('cuts a concave county with a hole and an island into one cell per seat that tile it', () => {
    const seats = [
      seat('a', 106.05, 31.25),
      seat('b', 106.25, 31.25),
      seat('c', 106.15, 31.05),
      seat('d', 106.42, 31.42),
    ];
    const cells = townshipCells(U, seats);
    expectTiling(U, seats, cells);
    // The bay between the U's arms is not land: a's cell stops at its arm's edge.
    expect(pointInMultiPolygon({ lon: 106.15, lat: 31.2 }, cells[0]?.shape ?? [])).toBe(false);
    // The hole stays a hole in c's cell.
    expect(pointInMultiPolygon({ lon: 106.15, lat: 31.03 }, cells[2]?.shape ?? [])).toBe(false);
    expect(pointInMultiPolygon({ lon: 106.13, lat: 31.03 }, cells[2]?.shape ?? [])).toBe(true);
  });

  it('puts every point of the county in the cell of its nearest seat', () => {
    const seats = [seat('a', 106.05, 31.25), seat('b', 106.25, 31.25), seat('c', 106.15, 31.05)];
    const cells = townshipCells(U, seats);
    const rng = new Prng(7);
    for (let k = 0; k < 300; k++) {
      const p: GeoPoint = randomPointIn(rng, U);
      const nearest = seats.reduce((best, s) =>
        distanceKm(p, s.seat) < distanceKm(p, best.seat) ? s : best,
      );
      const owner = cells.find((c) => pointInMultiPolygon(p, c.shape));
      expect({ p, owner: owner?.code }).toEqual({ p, owner: nearest.code });
    }
  });

  it('gives a lone township the whole county', () => {
    const [cell] = townshipCells(U, [seat('only', 106.05, 31.2)]);
    expect(Math.abs(areaKm2(cell?.shape ?? []) - areaKm2(U))).toBeLessThan(1e-6);
  });

  it('refuses two townships on one seat with GEO_DUPLICATE_SEAT', () => {
    const call = () => townshipCells(U, [seat('a', 106.05, 31.2), seat('b', 106.05, 31.2)]);
    expect(call).toThrow(GeoError);
    expect(call).toThrow(/^GEO_DUPLICATE_SEAT: townships a and b/);
  });

  it('gives every township of the demo city exactly one cell, inside its county, the cells tiling each county', () => {
    const city = buildDemoCity();
    let cellCount = 0;
    for (const d of city.districts) {
      const county = city.shapes.get(d.code) ?? [];
      const seats = city.hierarchy.townships
        .filter((t) => t.parent === d.code)
        .map((t) => ({ code: t.code, name: t.name, seat: t.centre }));
      const cells = townshipCells(county, seats);
      expectTiling(county, seats, cells);
      // Each seat lies in its own cell.
      for (const c of cells) expect(pointInMultiPolygon(c.seat, c.shape)).toBe(true);
      cellCount += cells.length;
    }
    expect(cellCount).toBe(city.hierarchy.townships.length);
    expect(cellCount).toBe(120);
  });
});
