import { DAY_MS, HOUR_MS, cityDayNumber, cityMsOfDay, dateOfDayNumber, weekdayOf } from '@fengqiao/domain';

export const SHIFTS = ['day', 'night'] as const;
export type Shift = (typeof SHIFTS)[number];

/** The day shift runs 08:00–20:00 city time; the night shift 20:00–08:00 the next morning. */
export const DAY_SHIFT_START_HOUR = 8;
export const NIGHT_SHIFT_START_HOUR = 20;

/** One shift on the city calendar: which, the city date it STARTED on and that date's weekday. */
export interface ShiftSlot {
  readonly shift: Shift;
  /** `YYYY-MM-DD` (city) the shift began; 02:00 on the 8th belongs to the night of the 7th. */
  readonly date: string;
  /** 0 = Sunday … 6 = Saturday, of `date`. */
  readonly weekday: number;
  /** When the slot began and ends (epoch ms). */
  readonly startsAt: number;
  readonly endsAt: number;
}

/** The shift that holds the instant `ms`, by the city clock (libs/domain). */
export function shiftAt(ms: number): ShiftSlot {
  const day = cityDayNumber(ms);
  const hour = cityMsOfDay(ms) / HOUR_MS;
  const midnight = ms - cityMsOfDay(ms);
  if (hour >= DAY_SHIFT_START_HOUR && hour < NIGHT_SHIFT_START_HOUR) {
    return slot(
      'day',
      day,
      midnight + DAY_SHIFT_START_HOUR * HOUR_MS,
      midnight + NIGHT_SHIFT_START_HOUR * HOUR_MS,
    );
  }
  // Before 08:00 the night began the evening before.
  const nightDay = hour < DAY_SHIFT_START_HOUR ? day - 1 : day;
  const nightMidnight = hour < DAY_SHIFT_START_HOUR ? midnight - DAY_MS : midnight;
  const start = nightMidnight + NIGHT_SHIFT_START_HOUR * HOUR_MS;
  return slot(
    'night',
    nightDay,
    start,
    start + (24 - NIGHT_SHIFT_START_HOUR + DAY_SHIFT_START_HOUR) * HOUR_MS,
  );
}

function slot(shift: Shift, day: number, startsAt: number, endsAt: number): ShiftSlot {
  return { shift, date: dateOfDayNumber(day), weekday: weekdayOf(day), startsAt, endsAt };
}
