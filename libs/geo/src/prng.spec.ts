import fc from 'fast-check';
import { Prng, apportion, hashUnit } from './prng';

describe('Prng', () => {
  it('gives the same stream for the same seed and labels', () => {
    const a = Prng.derive(7, 'x', 1);
    const b = Prng.derive(7, 'x', 1);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives different streams for different labels', () => {
    expect(Prng.derive(7, 'x').next()).not.toBe(Prng.derive(7, 'y').next());
  });

  it('draws in [0, 1) and integers in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = new Prng(seed);
        const x = rng.next();
        const k = rng.int(n);
        return x >= 0 && x < 1 && Number.isInteger(k) && k >= 0 && k < n;
      }),
    );
  });

  it('has a Poisson mean close to the requested mean', () => {
    const rng = new Prng(1);
    const draws = Array.from({ length: 20_000 }, () => rng.poisson(3));
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(3, 1);
  });
});

describe('hashUnit', () => {
  it('is a pure function of its arguments, in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), fc.nat(), (seed, a, b) => {
        const x = hashUnit(seed, a, b);
        return x === hashUnit(seed, a, b) && x >= 0 && x < 1;
      }),
    );
  });
});

describe('apportion', () => {
  it.each([
    { total: 120, weights: [1, 1, 1], expected: [40, 40, 40] },
    { total: 10, weights: [1, 2, 7], expected: [1, 2, 7] },
    { total: 5, weights: [1, 1], expected: [3, 2] },
    { total: 0, weights: [1, 1], expected: [0, 0] },
  ])('splits $total by $weights into $expected', ({ total, weights, expected }) => {
    expect(apportion(total, weights)).toEqual(expected);
  });

  it('always sums to the total and stays within one of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const shares = apportion(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          return (
            shares.reduce((a, b) => a + b, 0) === total &&
            shares.every((s, i) => Math.abs(s - (total * (weights[i] ?? 0)) / sum) < 1 + 1e-9)
          );
        },
      ),
    );
  });
});
