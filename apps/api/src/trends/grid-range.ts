import { type TrendBucket } from '@fengqiao/contracts';
import { CITY_OFFSET_MS as BEIJING_MS, DAY_MS, HOUR_MS } from '@fengqiao/domain';

/** The instants of raw events that a range covers, as the rollups count it. */
export interface EventRange {
  readonly from: Date;
  readonly to: Date;
}

const ceilTo = (ms: number, step: number, offset = 0): number =>
  Math.ceil((ms + offset) / step) * step - offset;
const floorTo = (ms: number, step: number, offset = 0): number =>
  Math.floor((ms + offset) / step) * step - offset;

/**
 * Raw events read for a range, matching what the township rollups answer for the same range: hours
 * whose start lies in [from, to) for hour buckets, and the whole Beijing days overlapping [from, to)
 * for day and week buckets (the daily rollups count whole days). Grid totals then add up to their
 * township's.
 */
export function eventRange(from: string, to: string, bucket: TrendBucket): EventRange {
  const f = Date.parse(from);
  const t = Date.parse(to);
  if (bucket === 'hour') return { from: new Date(ceilTo(f, HOUR_MS)), to: new Date(ceilTo(t, HOUR_MS)) };
  return { from: new Date(floorTo(f, DAY_MS, BEIJING_MS)), to: new Date(ceilTo(t, DAY_MS, BEIJING_MS)) };
}

/** The same instant one calendar year earlier (29 February falls back to the 28th, as in SQL). */
export function yearEarlier(iso: string): string {
  const d = new Date(iso);
  const prev = new Date(d);
  prev.setUTCFullYear(d.getUTCFullYear() - 1);
  if (prev.getUTCMonth() !== d.getUTCMonth()) prev.setUTCDate(0);
  return prev.toISOString();
}
