import { eventRange, yearEarlier } from './grid-range';

describe('eventRange', () => {
  it('reads the whole Beijing days a day range overlaps', () => {
    expect(eventRange('2026-03-01T02:00:00Z', '2026-03-02T17:00:00Z', 'day')).toEqual({
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-03T16:00:00Z'),
    });
  });

  it('keeps a range already on Beijing midnights as it is', () => {
    expect(eventRange('2026-02-28T16:00:00Z', '2026-03-01T16:00:00Z', 'week')).toEqual({
      from: new Date('2026-02-28T16:00:00Z'),
      to: new Date('2026-03-01T16:00:00Z'),
    });
  });

  it('reads the hours whose start lies in the range, as the hourly rollup does', () => {
    expect(eventRange('2026-03-01T10:15:00Z', '2026-03-01T12:00:00Z', 'hour')).toEqual({
      from: new Date('2026-03-01T11:00:00Z'),
      to: new Date('2026-03-01T12:00:00Z'),
    });
  });
});

describe('yearEarlier', () => {
  it('steps back one calendar year, 29 February to the 28th', () => {
    expect(yearEarlier('2026-03-01T00:00:00.000Z')).toBe('2025-03-01T00:00:00.000Z');
    expect(yearEarlier('2028-02-29T12:00:00.000Z')).toBe('2027-02-28T12:00:00.000Z');
  });
});
