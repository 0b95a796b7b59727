import { type LiveHotspot } from '@fengqiao/contracts';
import { applyDelta, applySnapshot, emptyHotspots } from './hotspot-book';

const h = (township: string, rank: number, events: number): LiveHotspot => ({
  township,
  county: township.slice(0, 6),
  name: null,
  rank,
  events,
  expected: 1,
  topCategory: 'traffic',
});
const scope = { region: null };
const AT = '2026-11-27T05:00:00.000Z';

describe('the live hotspot list', () => {
  const base = applySnapshot({
    scope,
    version: 4,
    hours: 24,
    asOf: AT,
    items: [h('511902002', 2, 30), h('511902001', 1, 40)],
  });

  it('orders a snapshot by rank', () => {
    expect(base.items.map((i) => i.township)).toEqual(['511902001', '511902002']);
    expect(base.version).toBe(4);
  });

  it('applies a delta that continues from its version: upserts replace, removals drop', () => {
    const next = applyDelta(base, {
      scope,
      fromVersion: 4,
      version: 5,
      asOf: AT,
      upserted: [h('511902002', 1, 50), h('511921001', 2, 45)],
      removed: ['511902001'],
    });
    expect(next.items.map((i) => [i.township, i.events])).toEqual([
      ['511902002', 50],
      ['511921001', 45],
    ]);
    expect(next.version).toBe(5);
  });

  it.each([
    ['a replayed delta', 3, 4, false],
    ['a delta after a missed one', 5, 6, true],
  ])('ignores %s (gap marked: %s)', (_title, fromVersion, version, gap) => {
    const next = applyDelta(base, {
      scope,
      fromVersion,
      version,
      asOf: AT,
      upserted: [],
      removed: ['511902001'],
    });
    expect(next.items).toBe(base.items);
    expect(next.gap).toBe(gap);
  });

  it('ignores deltas before any snapshot', () => {
    const book = emptyHotspots();
    expect(
      applyDelta(book, {
        scope,
        fromVersion: 0,
        version: 1,
        asOf: AT,
        upserted: [h('x', 1, 1)],
        removed: [],
      }),
    ).toBe(book);
  });
});
