import { HOUR_MS, MINUTE_MS, cityMsOfDay } from '@fengqiao/domain';
import { type NotificationReason } from '../message';

/** A daily quiet period in city time, `HH:MM`–`HH:MM`; may wrap midnight (22:00–07:00). */
export interface QuietPeriod {
  readonly from: string;
  readonly to: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidHhmm(s: string): boolean {
  return HHMM.test(s);
}

function msOf(hhmm: string): number {
  const [, h, m] = HHMM.exec(hhmm) ?? [];
  if (h === undefined || m === undefined) throw new Error(`NOTIFY_BAD_TIME: ${hhmm} is not HH:MM`);
  return Number(h) * HOUR_MS + Number(m) * MINUTE_MS;
}

/**
 * When a notice may go out given the person's quiet period: pages (first, backup, escalation)
 * always go at once — a red alert is never muted; a digest waits until the quiet period ends.
 */
export function deliverAt(reason: NotificationReason, quiet: QuietPeriod | null, dueMs: number): number {
  if (reason !== 'digest' || quiet === null) return dueMs;
  const from = msOf(quiet.from);
  const to = msOf(quiet.to);
  const t = cityMsOfDay(dueMs);
  const inside = from <= to ? t >= from && t < to : t >= from || t < to;
  if (!inside) return dueMs;
  const wait = (to - t + 24 * HOUR_MS) % (24 * HOUR_MS);
  return dueMs + wait;
}
