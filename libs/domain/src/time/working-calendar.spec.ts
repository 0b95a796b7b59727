import fc from 'fast-check';
import { CITY_CALENDAR_2026 } from './city-calendar';
import { DAY_MS, hourOfWeek, weekdayOf } from './city-clock';
import { compileCalendar } from './working-calendar';

const cal = compileCalendar(CITY_CALENDAR_2026);
const at = (s: string): number => Date.parse(s);
const dayOfDate = (d: string): number => cal.dayOf(at(`${d}T12:00:00+08:00`));

describe('working-day calendar (2026, Bazhong UTC+8)', () => {
  it.each([
    ['an ordinary Monday', '2026-06-01', true],
    ['a Saturday', '2026-06-06', false],
    ['a Sunday', '2026-06-07', false],
    ['National Day, a Thursday', '2026-10-01', false],
    ['Spring Festival eve, a Monday', '2026-02-16', false],
    ['make-up workday, a Saturday', '2026-02-14', true],
    ['make-up workday, a Sunday', '2026-01-04', true],
    ['make-up workday, a Saturday after National Day', '2026-10-10', true],
  ])('%s (%s) is a working day: %s', (_title, date, expected) => {
    expect(cal.isWorkingDay(dayOfDate(date))).toBe(expected);
  });

  it.each([
    ['Monday 10:00, 0 days → end of Monday', '2026-06-01T10:00:00+08:00', 0, '2026-06-02T00:00:00+08:00'],
    ['Monday 10:00, 1 day → end of Tuesday', '2026-06-01T10:00:00+08:00', 1, '2026-06-03T00:00:00+08:00'],
    ['Friday 17:00, 1 day → end of Monday', '2026-06-05T17:00:00+08:00', 1, '2026-06-09T00:00:00+08:00'],
    ['Saturday, 0 days → end of Monday', '2026-06-06T09:00:00+08:00', 0, '2026-06-09T00:00:00+08:00'],
    ['Monday 23:59 local is still Monday', '2026-06-01T23:59:00+08:00', 0, '2026-06-02T00:00:00+08:00'],
    [
      'Wednesday 30 Sep, 1 day → the Thursday 8 Oct (holiday week)',
      '2026-09-30T10:00:00+08:00',
      1,
      '2026-10-09T00:00:00+08:00',
    ],
    [
      'Friday 9 Oct, 1 day → make-up Saturday 10 Oct',
      '2026-10-09T10:00:00+08:00',
      1,
      '2026-10-11T00:00:00+08:00',
    ],
    [
      'Friday 13 Feb, 1 day → make-up Saturday 14 Feb',
      '2026-02-13T10:00:00+08:00',
      1,
      '2026-02-15T00:00:00+08:00',
    ],
    ['Monday, 5 days → end of next Monday', '2026-06-01T10:00:00+08:00', 5, '2026-06-09T00:00:00+08:00'],
  ])('%s', (_title, start, count, due) => {
    expect(cal.addWorkingDays(at(start), count)).toBe(at(due));
  });

  it.each([
    ['Monday 00:30', '2026-06-01T00:30:00+08:00', 0],
    ['Monday 10:00', '2026-06-01T10:00:00+08:00', 10],
    ['Sunday 23:30', '2026-06-07T23:30:00+08:00', 167],
  ])('hour of week of %s (%s) is %i', (_t, instant, how) => {
    expect(hourOfWeek(at(instant), cal.offsetMs)).toBe(how);
  });

  const instants = fc.integer({ min: at('2025-12-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });

  it('a deadline of n working days always ends at a local midnight after a working day', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 20 }), (start, n) => {
        const due = cal.addWorkingDays(start, n);
        expect((due + cal.offsetMs) % DAY_MS).toBe(0);
        expect(cal.isWorkingDay(cal.dayOf(due - 1))).toBe(true);
        expect(due).toBeGreaterThan(start);
      }),
    );
  });

  it('counts exactly n + 1 working days from the start day to the due day', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 20 }), (start, n) => {
        const last = cal.dayOf(cal.addWorkingDays(start, n) - 1);
        let working = 0;
        for (let d = cal.dayOf(start); d <= last; d++) if (cal.isWorkingDay(d)) working++;
        expect(working).toBe(n + 1);
      }),
    );
  });

  it('one more working day never ends earlier (monotone in n and in start)', () => {
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 0, max: 3 * 86_400_000 }),
        fc.integer({ min: 0, max: 15 }),
        (s, d, n) => {
          expect(cal.addWorkingDays(s, n + 1)).toBeGreaterThan(cal.addWorkingDays(s, n));
          expect(cal.addWorkingDays(s + d, n)).toBeGreaterThanOrEqual(cal.addWorkingDays(s, n));
        },
      ),
    );
  });

  it('without holidays, weekends alone decide (weekday arithmetic)', () => {
    const plain = compileCalendar({
      utcOffsetMinutes: 480,
      weekend: [0, 6],
      holidays: [],
      makeupWorkdays: [],
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (day) => {
        const wd = weekdayOf(day);
        expect(plain.isWorkingDay(day)).toBe(wd !== 0 && wd !== 6);
      }),
    );
  });
});
