import fc from 'fast-check';
import {
  cityClockTime,
  cityCompactDateOf,
  cityDateOf,
  cityDateTime,
  cityHourOf,
  cityMidnightMs,
  cityMonthOf,
  cityStartOfDayMs,
  cityStartOfWeekMs,
  cityWeekdayHour,
  DAY_MS,
  hourOfWeek,
} from './city-clock';

const at = (iso: string): number => Date.parse(iso);

describe('the city clock (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['15:59:59Z is still the same local day', '2026-11-25T15:59:59Z', '2026-11-25', '23:59:59'],
    ['16:00Z is local midnight of the next day', '2026-11-25T16:00:00Z', '2026-11-26', '00:00:00'],
    ['New Year in the city is 16:00Z on 31 Dec', '2025-12-31T16:00:00Z', '2026-01-01', '00:00:00'],
    ['02:30Z is 10:30 local', '2026-06-01T02:30:00Z', '2026-06-01', '10:30:00'],
  ])('%s', (_title, iso, date, time) => {
    expect([cityDateOf(at(iso)), cityClockTime(at(iso))]).toEqual([date, time]);
  });

  it.each([
    ['the month turns at local midnight', '2026-11-30T16:00:00Z', '2026-12'],
    ['the last UTC hours of a month are the next local month', '2026-12-31T17:00:00Z', '2027-01'],
  ])('%s', (_title, iso, month) => {
    expect(cityMonthOf(at(iso))).toBe(month);
  });

  it.each([
    ['a Wednesday afternoon', '2026-11-25T06:00:00Z', '2026-11-22T16:00:00.000Z'],
    ['Monday 00:30 local', '2026-11-22T16:30:00Z', '2026-11-22T16:00:00.000Z'],
    ['Sunday 23:30 local', '2026-11-29T15:30:00Z', '2026-11-22T16:00:00.000Z'],
  ])('the week of %s starts on Monday local midnight', (_title, iso, monday) => {
    expect(new Date(cityStartOfWeekMs(at(iso))).toISOString()).toBe(monday);
  });

  it('formats local date and time and the compact date of case ids', () => {
    const t = at('2026-11-27T05:30:00Z');
    expect([cityDateTime(t), cityCompactDateOf(t), cityHourOf(t)]).toEqual([
      '2026-11-27 13:30',
      '20261127',
      13.5,
    ]);
    expect(cityWeekdayHour(t)).toEqual({ weekday: 5, hour: 13 });
    expect(hourOfWeek(t)).toBe(4 * 24 + 13);
  });

  it('a local day starts at its midnight and lasts a day, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const start = cityStartOfDayMs(ms);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(DAY_MS);
        expect(cityMidnightMs(cityDateOf(ms))).toBe(start);
        expect(cityDateOf(start)).toBe(cityDateOf(ms));
      }),
    );
  });
});
