import fc from 'fast-check';
import { areaKm2, pointInMultiPolygon, randomPointIn, type MultiPolygonRings } from './polygon';
import { Prng } from './prng';

const square = (x0: number, y0: number, size: number): [number, number][] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];
/** A 0.2° square with a 0.1° hole in the middle, and a separate small island. */
const shape: MultiPolygonRings = [
  [square(106.5, 31.5, 0.2), square(106.55, 31.55, 0.1)],
  [square(107, 32, 0.05)],
];

describe('pointInMultiPolygon', () => {
  it.each([
    { where: 'inside the outer ring', lon: 106.52, lat: 31.52, inside: true },
    { where: 'in the hole', lon: 106.6, lat: 31.6, inside: false },
    { where: 'on the island', lon: 107.02, lat: 32.02, inside: true },
    { where: 'outside everything', lon: 106.4, lat: 31.4, inside: false },
    { where: 'between the shapes', lon: 106.8, lat: 31.8, inside: false },
  ])('$where → $inside', ({ lon, lat, inside }) => {
    expect(pointInMultiPolygon({ lon, lat }, shape)).toBe(inside);
  });
});

describe('areaKm2', () => {
  it('subtracts holes and adds islands', () => {
    const outer = areaKm2([[square(106.5, 31.5, 0.2)]]);
    const hole = areaKm2([[square(106.55, 31.55, 0.1)]]);
    const island = areaKm2([[square(107, 32, 0.05)]]);
    expect(areaKm2(shape)).toBeCloseTo(outer - hole + island, 6);
    expect(outer).toBeCloseTo(0.2 * 0.2 * 110.9 * 111.32 * Math.cos((32 * Math.PI) / 180), 3);
  });
});

describe('randomPointIn', () => {
  it('only returns points inside the shape', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => pointInMultiPolygon(randomPointIn(new Prng(seed), shape), shape)),
    );
  });
});
