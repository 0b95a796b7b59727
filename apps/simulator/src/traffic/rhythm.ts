import { cityCompactDateOf, cityHourOf, cityMsOfDay, DAY_MS, HOUR_MS } from '@fengqiao/domain';

// The city's clock (UTC+8) is @fengqiao/domain's; these names are the simulator's vocabulary.
export { DAY_MS, HOUR_MS };

/** Fractional hour of the local day, 0 ≤ h < 24. */
export const localHour = cityHourOf;

/** The local calendar date as YYYYMMDD. */
export const localDate = cityCompactDateOf;

/** Seconds since local midnight. */
export function localSecondOfDay(ms: number): number {
  return Math.floor(cityMsOfDay(ms) / 1000);
}

/** A smooth bump centred on `at` hours with the given width (hours), wrapping around midnight. */
function bump(h: number, at: number, width: number): number {
  const d = Math.min(Math.abs(h - at), 24 - Math.abs(h - at));
  return Math.exp(-(d * d) / (2 * width * width));
}

/**
 * How busy public space is at this hour relative to the daily mean (≈ 1 averaged over a day): quiet
 * nights, the morning school run, lunchtime, and the evening peak in squares (广场舞).
 */
export function streetActivity(ms: number): number {
  return rawStreet(ms) / STREET_MEAN;
}

function rawStreet(ms: number): number {
  const h = localHour(ms);
  return (
    0.15 + 1.2 * bump(h, 8, 1.2) + 0.8 * bump(h, 12.5, 1.5) + 1.5 * bump(h, 19, 2) + 0.35 * bump(h, 15, 3)
  );
}

/**
 * Intake at the window and hotline relative to the daily mean: office hours with a lunch dip, a
 * trickle of hotline and online cases at night.
 */
export function intakeActivity(ms: number): number {
  return rawIntake(ms) / INTAKE_MEAN;
}

function rawIntake(ms: number): number {
  const h = localHour(ms);
  const office = h >= 8.5 && h < 12 ? 2.1 : h >= 14.5 && h < 18 ? 2.1 : h >= 12 && h < 14.5 ? 0.8 : 0;
  return 0.12 + office + 0.3 * bump(h, 20, 2);
}

/** The mean of a rhythm over one day (for rate calculations and tests). */
export function dailyMean(rhythm: (ms: number) => number): number {
  let sum = 0;
  for (let m = 0; m < 24 * 60; m++) sum += rhythm(m * 60_000);
  return sum / (24 * 60);
}

const STREET_MEAN = dailyMean(rawStreet);
const INTAKE_MEAN = dailyMean(rawIntake);
