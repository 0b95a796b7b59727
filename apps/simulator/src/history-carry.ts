import { cityStartOfDayMs } from '@fengqiao/domain';
import { DAY_MS } from './traffic/rhythm';
import { type TrafficGenerator } from './traffic/traffic-generator';

/**
 * Carries on, at real pace from local midnight (where the history ends), the cases of the last
 * `days` days, and today's cases reported before `liveFromMs` (where the live traffic begins):
 * their events until then go out at the first step. Without them the day's first hours had no
 * cases while the same hours a year earlier had (the history's), and the year-on-year tile read
 * low until midnight: by a quarter on a start at 10:00 after the history's four-day first step.
 * Returns the events carried.
 */
export function carryHistory(gen: TrafficGenerator, liveFromMs: number, days: number, rate: number): number {
  const end = cityStartOfDayMs(liveFromMs);
  return gen.carryHistory(end - days * DAY_MS, liveFromMs, rate, end);
}
