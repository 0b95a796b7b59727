import { type LiveHotspot } from '@fengqiao/contracts';
import { applyHotspotDiff, diffHotspots } from './hotspot-diff';

const h = (township: string, rank: number, events: number): LiveHotspot => ({
  township,
  county: township.slice(0, 6),
  name: null,
  rank,
  events,
  expected: 1,
  topCategory: 'neighbourhood',
});
const A = h('511902001', 1, 30);
const B = h('511902002', 2, 20);
const C = h('511902003', 3, 10);

describe('diffHotspots', () => {
  it.each([
    ['nothing changed', [A, B], [A, B], [], []],
    ['a new entry', [A], [A, B], [B], []],
    ['an entry left', [A, B], [A], [], ['511902002']],
    ['counts moved', [A, B], [A, h('511902002', 2, 21)], [h('511902002', 2, 21)], []],
    [
      'ranks swapped',
      [A, B],
      [h('511902002', 1, 40), h('511902001', 2, 30)],
      [h('511902002', 1, 40), h('511902001', 2, 30)],
      [],
    ],
    ['a fresh subscriber (from empty)', [], [A, B, C], [A, B, C], []],
  ])('%s', (_t, prev, next, upserted, removed) => {
    expect(diffHotspots(prev, next)).toEqual({ upserted, removed });
  });

  it.each([
    [
      [A, B, C],
      [B, h('511902004', 2, 12)],
    ],
    [[A], [C, B, A].map((x, i) => ({ ...x, rank: i + 1 }))],
    [[A, B], []],
  ])('applying the diff to the old list gives the new list (%#)', (prev, next) => {
    expect(applyHotspotDiff(prev, diffHotspots(prev, next))).toEqual(next);
  });
});
