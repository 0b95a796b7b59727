/**
 * The city's clock. Bazhong keeps China Standard Time (Asia/Shanghai, UTC+8) all year: no daylight
 * saving since 1991, so a fixed offset is exact and no time-zone database is needed. Every helper
 * takes the instant as an argument (epoch ms); nothing here reads a clock.
 */

/** One minute in milliseconds. */
export const MINUTE_MS = 60_000;
/** One hour in milliseconds. */
export const HOUR_MS = 60 * MINUTE_MS;
/** One day in milliseconds. */
export const DAY_MS = 24 * HOUR_MS;

/** The city's offset from UTC in minutes (UTC+8); the default rule set's calendar carries the same. */
export const CITY_UTC_OFFSET_MINUTES = 480;
/** The city's offset from UTC in milliseconds. */
export const CITY_OFFSET_MS = CITY_UTC_OFFSET_MINUTES * MINUTE_MS;
/** The IANA name of the city's zone, for `Intl` formatting and SQL `AT TIME ZONE`. */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumberOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number (days since 1970-01-01). */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The city-local day number (days since 1970-01-01, local) of an instant. */
export function cityDayNumber(ms: number, offsetMs: number = CITY_OFFSET_MS): number {
  return Math.floor((ms + offsetMs) / DAY_MS);
}

/** The city-local calendar date `YYYY-MM-DD` of an instant. */
export function cityDateOf(ms: number): string {
  return dateOfDayNumber(cityDayNumber(ms));
}

/** The city-local date without dashes, `YYYYMMDD` (case ids, day counters). */
export function cityCompactDateOf(ms: number): string {
  return cityDateOf(ms).replace(/-/g, '');
}

/** The city-local month `YYYY-MM` of an instant. */
export function cityMonthOf(ms: number): string {
  return cityDateOf(ms).slice(0, 7);
}

/** The instant (epoch ms) at which a city-local date `YYYY-MM-DD` begins. */
export function cityMidnightMs(date: string): number {
  return dayNumberOf(date) * DAY_MS - CITY_OFFSET_MS;
}

/** The instant at which the city-local day holding `ms` began. */
export function cityStartOfDayMs(ms: number): number {
  return cityDayNumber(ms) * DAY_MS - CITY_OFFSET_MS;
}

/** The instant at which the city-local ISO week (Monday 00:00) holding `ms` began. */
export function cityStartOfWeekMs(ms: number): number {
  const day = cityDayNumber(ms);
  return (day - ((weekdayOf(day) + 6) % 7)) * DAY_MS - CITY_OFFSET_MS;
}

/** Milliseconds since the city-local midnight of an instant, 0 … DAY_MS - 1. */
export function cityMsOfDay(ms: number): number {
  return (((ms + CITY_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The city-local hour of an instant, with its fraction (13.5 = 13:30). */
export function cityHourOf(ms: number): number {
  return cityMsOfDay(ms) / HOUR_MS;
}

/** The city-local wall time `HH:MM:SS` of an instant. */
export function cityClockTime(ms: number): string {
  return new Date(cityMsOfDay(ms)).toISOString().slice(11, 19);
}

/** The city-local `YYYY-MM-DD HH:MM` of an instant. */
export function cityDateTime(ms: number): string {
  return `${cityDateOf(ms)} ${cityClockTime(ms).slice(0, 5)}`;
}

/** The city-local weekday (0 = Sunday … 6 = Saturday) and whole hour of an instant. */
export function cityWeekdayHour(
  ms: number,
  offsetMs: number = CITY_OFFSET_MS,
): { weekday: number; hour: number } {
  const local = ms + offsetMs;
  const day = Math.floor(local / DAY_MS);
  return { weekday: weekdayOf(day), hour: Math.floor((local - day * DAY_MS) / HOUR_MS) };
}

/** Hour of the local week, 0 = Monday 00:00-01:00 … 167 = Sunday 23:00-24:00. */
export function hourOfWeek(ms: number, offsetMs: number = CITY_OFFSET_MS): number {
  const { weekday, hour } = cityWeekdayHour(ms, offsetMs);
  return ((weekday + 6) % 7) * 24 + hour;
}

/** ISO-8601 instant of an epoch millisecond value. */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
