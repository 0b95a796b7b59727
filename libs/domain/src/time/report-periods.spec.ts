import { reportDateSchema } from '@fengqiao/contracts';
import { lastCompletedPeriod, oneYearEarlier, periodContaining, previousPeriod } from './report-periods';
import { cityDateOf, cityMidnightMs } from './city-clock';

describe('report periods (Asia/Shanghai)', () => {
  it.each([
    ['day', '2026-11-26', '2026-11-26', '2026-11-27', '2026-11-26'],
    ['week', '2026-11-26', '2026-11-23', '2026-11-30', '2026-W48'],
    ['week', '2026-11-23', '2026-11-23', '2026-11-30', '2026-W48'],
    ['week', '2026-11-29', '2026-11-23', '2026-11-30', '2026-W48'],
    ['week', '2027-01-01', '2026-12-28', '2027-01-04', '2026-W53'],
    ['week', '2026-01-01', '2025-12-29', '2026-01-05', '2026-W01'],
    ['month', '2026-11-26', '2026-11-01', '2026-12-01', '2026-11'],
    ['month', '2026-12-31', '2026-12-01', '2027-01-01', '2026-12'],
  ] as const)('%s containing %s is [%s, %s) labelled %s', (kind, date, start, end, label) => {
    expect(periodContaining(kind, date)).toEqual({ kind, start, end, label });
  });

  it('the period before a January month is the previous December', () => {
    expect(previousPeriod(periodContaining('month', '2027-01-10')).label).toBe('2026-12');
  });

  it('the last completed week on a Monday is the week that ended the night before', () => {
    expect(lastCompletedPeriod('week', '2026-11-30')).toMatchObject({
      start: '2026-11-23',
      end: '2026-11-30',
    });
    expect(lastCompletedPeriod('day', '2026-12-01').start).toBe('2026-11-30');
    expect(lastCompletedPeriod('month', '2026-12-01').label).toBe('2026-11');
  });

  it('a Beijing day starts at 16:00 UTC the evening before', () => {
    expect(new Date(cityMidnightMs('2026-11-26')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(cityDateOf(Date.parse('2026-11-25T15:59:59Z'))).toBe('2026-11-25');
    expect(cityDateOf(Date.parse('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it.each([
    ['2026-11-01', '2025-11-01'],
    ['2028-02-29', '2027-02-28'],
  ])('one year before %s is %s', (date, earlier) => {
    expect(oneYearEarlier(date)).toBe(earlier);
  });
});

describe('report dates on the wire', () => {
  it.each(['0000-00-00', '2026-02-30', '2026-13-01', '1969-12-31', '2026-1-01'])('%s is refused', (date) => {
    expect(reportDateSchema.safeParse(date).success).toBe(false);
  });

  it('a real date passes', () => {
    expect(reportDateSchema.parse('2028-02-29')).toBe('2028-02-29');
  });
});
