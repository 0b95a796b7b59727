import { type ReportPeriod, type ReportPeriodKind } from '@fengqiao/contracts';
import { dateOfDayNumber, dayNumberOf, weekdayOf } from './city-clock';

/*
 * City-local calendar periods (day, ISO week from Monday, month) as `YYYY-MM-DD` dates: the
 * boundaries the reports and the analysis views cut time at.
 */

/** Monday = 0 … Sunday = 6. */
function isoWeekdayOf(day: number): number {
  return (weekdayOf(day) + 6) % 7;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** ISO-8601 week label of the week starting on Monday `monday`: the year is the year of its Thursday. */
function isoWeekLabel(monday: number): string {
  const thursday = dateOfDayNumber(monday + 3);
  const year = Number(thursday.slice(0, 4));
  const firstThursday = dayNumberOf(`${year}-01-01`);
  const jan1Weekday = isoWeekdayOf(firstThursday);
  const week1Monday = firstThursday - jan1Weekday + (jan1Weekday > 3 ? 7 : 0);
  return `${year}-W${pad(Math.floor((monday - week1Monday) / 7) + 1)}`;
}

/** The period of `kind` that contains the city-local date `date`. */
export function periodContaining(kind: ReportPeriodKind, date: string): ReportPeriod {
  const day = dayNumberOf(date);
  switch (kind) {
    case 'day':
      return { kind, start: date, end: dateOfDayNumber(day + 1), label: date };
    case 'week': {
      const monday = day - isoWeekdayOf(day);
      return {
        kind,
        start: dateOfDayNumber(monday),
        end: dateOfDayNumber(monday + 7),
        label: isoWeekLabel(monday),
      };
    }
    case 'month': {
      const [y, m] = date.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
      return { kind, start: `${y}-${pad(m)}-01`, end: next, label: `${y}-${pad(m)}` };
    }
  }
}

/** The period just before `period`. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  return periodContaining(period.kind, dateOfDayNumber(dayNumberOf(period.start) - 1));
}

/** The last period of `kind` that has fully ended on the city-local date `today`. */
export function lastCompletedPeriod(kind: ReportPeriodKind, today: string): ReportPeriod {
  return previousPeriod(periodContaining(kind, today));
}

/** The same date one year earlier (29 February becomes 28 February). */
export function oneYearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** Number of days in a period. */
export function periodDays(period: ReportPeriod): number {
  return dayNumberOf(period.end) - dayNumberOf(period.start);
}
