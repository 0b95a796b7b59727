import { ProbeSchedule } from './probe-schedule';

const fleet = ['a', 'b', 'c', 'd', 'e'];
const none = new Set<string>();

describe('probe schedule', () => {
  it('goes round the fleet in order, wrapping, skipping busy cameras', () => {
    const s = new ProbeSchedule(60_000);
    expect(s.next(fleet, none, none, 2, 0)).toEqual(['a', 'b']);
    expect(s.next(fleet, none, new Set(['c']), 2, 1)).toEqual(['d', 'e']);
    expect(s.next(fleet, none, none, 2, 2)).toEqual(['a', 'b']);
  });

  it('puts cameras near open alerts first, each at most once per priority interval', () => {
    const s = new ProbeSchedule(60_000);
    const near = new Set(['d']);
    expect(s.next(fleet, near, none, 2, 0)).toEqual(['d', 'a']);
    expect(s.next(fleet, near, none, 2, 1000)).toEqual(['b', 'c']);
    expect(s.next(fleet, near, none, 2, 61_000)).toEqual(['d', 'e']);
  });

  it('every camera comes round within ceil(fleet / n) calls even with priorities', () => {
    const s = new ProbeSchedule(0);
    const seen = new Set<string>();
    for (let i = 0; i < 5; i += 1) for (const id of s.next(fleet, new Set(['a']), none, 2, i)) seen.add(id);
    expect([...seen].sort()).toEqual(fleet);
  });

  it('asks nothing of an empty fleet', () => {
    expect(new ProbeSchedule(0).next([], none, none, 4, 0)).toEqual([]);
  });
});
