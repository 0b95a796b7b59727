import { type DeadlineDue, type WorkingCalendarSpec } from '@fengqiao/contracts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Longest run of non-working days we will walk over (Spring Festival with weekends is ~9). */
const MAX_DAYS_OFF = 60;

/** A working-day calendar compiled for O(1) day lookups. Day numbers count local days since 1970-01-01. */
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

function dayNumberOf(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** 1970-01-01 was a Thursday (4). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Compiles a calendar spec (weekends, public holidays, make-up workdays). */
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

/** Hour of the local week, 0 = Monday 00:00-01:00 ... 167 = Sunday 23:00-24:00. */
export function hourOfWeek(ms: number, offsetMs: number): number {
  const local = ms + offsetMs;
  const day = Math.floor(local / DAY_MS);
  const hour = Math.floor((local - day * DAY_MS) / HOUR_MS);
  return ((weekdayOf(day) + 6) % 7) * 24 + hour;
}

/** ISO-8601 instant of an epoch millisecond value. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
