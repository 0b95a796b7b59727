import { type DeadlineDue, type WorkingCalendarSpec } from '@fengqiao/contracts';
import { DAY_MS, dayNumberOf, HOUR_MS, MINUTE_MS, weekdayOf } from './city-clock';

/** Longest run of non-working days we will walk over (Spring Festival with weekends is ~9). */
const MAX_DAYS_OFF = 60;

/**
 * A working-day calendar compiled for O(1) day lookups. Day numbers count local days since 1970-01-01.
 */
export interface WorkingCalendar {
  readonly offsetMs: number;
  isWorkingDay(day: number): boolean;
  /** The local day number of an instant. */
  dayOf(ms: number): number;
  /** The end (local midnight) of the `count`-th working day after the first working day on/after `ms`. */
  addWorkingDays(ms: number, count: number): number;
  /** When a deadline started at `startMs` falls due. */
  dueAt(startMs: number, due: DeadlineDue): number;
}

/**
 * Compiles a calendar spec (the rule set's `calendar`: weekends, public holidays, make-up workdays,
 * UTC offset). Working days are what the service-tier deadlines count.
 */
export function compileCalendar(spec: WorkingCalendarSpec): WorkingCalendar {
  const offsetMs = spec.utcOffsetMinutes * MINUTE_MS;
  const weekend = new Set(spec.weekend);
  const holidays = new Set(spec.holidays.map(dayNumberOf));
  const makeup = new Set(spec.makeupWorkdays.map(dayNumberOf));
  const isWorkingDay = (day: number): boolean =>
    makeup.has(day) || (!weekend.has(weekdayOf(day)) && !holidays.has(day));
  const nextWorkingDay = (day: number): number => {
    let d = day;
    for (let i = 0; i < MAX_DAYS_OFF && !isWorkingDay(d); i++) d++;
    return d;
  };
  const dayOf = (ms: number): number => Math.floor((ms + offsetMs) / DAY_MS);
  const addWorkingDays = (ms: number, count: number): number => {
    let day = nextWorkingDay(dayOf(ms));
    for (let i = 0; i < count; i++) day = nextWorkingDay(day + 1);
    return (day + 1) * DAY_MS - offsetMs;
  };
  const dueAt = (startMs: number, due: DeadlineDue): number => {
    switch (due.unit) {
      case 'working-days':
        return addWorkingDays(startMs, due.count);
      case 'calendar-days':
        return startMs + due.count * DAY_MS;
      case 'hours':
        return startMs + due.count * HOUR_MS;
    }
  };
  return { offsetMs, isWorkingDay, dayOf, addWorkingDays, dueAt };
}
