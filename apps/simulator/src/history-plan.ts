import { KPI_WINDOW_DAYS } from '@fengqiao/domain';
import { JOINT_CYCLE_DAYS, YEARLY_JOINT_CYCLE_CHANGE } from './traffic/calibration';
import { DAY_MS } from './traffic/rhythm';

/** One day's part of the history: the whole lives of the cases reported that day, or its detections. */
export interface HistoryDay {
  readonly day: number;
  /** Days back from the history's end (a year-ago day counts from the same day a year later). */
  readonly back: number;
  readonly yearAgo: boolean;
  readonly part: 'cases' | 'detections';
}

/** The longest joint mediation a year ago (its cycle was longer): the year-ago days start this much earlier. */
const YEAR_AGO_LEAD_DAYS = Math.ceil(JOINT_CYCLE_DAYS[1] / (1 + YEARLY_JOINT_CYCLE_CHANGE));
/** Year-ago report days: today's a year ago (the window ends mid-day), the window's, and the lead. */
export const YEAR_AGO_DAYS = 1 + KPI_WINDOW_DAYS + 1 + YEAR_AGO_LEAD_DAYS;
/**
 * The first step's report days: the fewest after which every wall tile has a value on any weekday
 * (on a Monday, routing is first judged on Thursday's cases). Cases only: detections come next.
 */
export const FIRST_STEP_DAYS = 4;
/** The detections the trend panels show first (the last 7 days), right after the first step. */
const RECENT_DETECTION_DAYS = 7;

/** The same local date one year earlier (a local midnight stays one). */
export function yearBefore(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

/**
 * The parts to write, in order. First step: the cases of the last `firstDays` days, each beside the
 * same day a year earlier (both windows of the year-on-year tile hold the same days at any point of
 * the load, so the tiles read right from the start). Then the detections of the last week, then
 * the rest, newest first.
 */
export function historyDays(o: {
  readonly endMs: number;
  readonly days: number;
  readonly yearAgoDays: number;
  readonly firstDays: number;
}): HistoryDay[] {
  const cases: HistoryDay[] = [];
  for (let back = 0; back <= Math.max(o.days, o.yearAgoDays - 1); back++) {
    const day = o.endMs - back * DAY_MS;
    if (back >= 1 && back <= o.days) cases.push({ day, back, yearAgo: false, part: 'cases' });
    if (back < o.yearAgoDays) cases.push({ day: yearBefore(day), back, yearAgo: true, part: 'cases' });
  }
  const detections: HistoryDay[] = Array.from({ length: o.days }, (_, i) => ({
    day: o.endMs - (i + 1) * DAY_MS,
    back: i + 1,
    yearAgo: false,
    part: 'detections',
  }));
  const recent = Math.min(RECENT_DETECTION_DAYS, o.days);
  return [
    ...cases.filter((d) => d.back <= o.firstDays),
    ...detections.slice(0, recent),
    ...cases.filter((d) => d.back > o.firstDays),
    ...detections.slice(recent),
  ];
}
