import { type Alert } from '@fengqiao/contracts';
import { districtOf } from '../geo/city-districts';
import { call } from '../api/call';

const HOUR = 3600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

export const fetchSeries = (hours: number, bucket: 'hour' | 'day', signal: AbortSignal) => {
  const now = Date.now();
  return call('trends.series', { query: { from: iso(now - hours * HOUR), to: iso(now), bucket } }, signal);
};

/** 24 h of events by county, or by township of `county` (a county view's township areas). */
export const fetchDistrictHeat = (signal: AbortSignal, county?: string) => {
  const now = Date.now();
  return call('trends.breakdown', { query: { from: iso(now - 24 * HOUR), to: iso(now), county } }, signal);
};

/** One patrol group of four cameras; `after` pages through the registry on a schedule. */
export const fetchPatrolGroup = (after: string | undefined, signal: AbortSignal) =>
  call('cameras.search', { query: { limit: 4, after } }, signal);

export function districtName(code: string): string {
  return districtOf(code)?.name ?? code;
}

/** Where to mark an alert: its own location, else its district's seat. */
export function alertPoint(a: Alert): { lon: number; lat: number } | undefined {
  if (a.location !== undefined) return a.location;
  return districtOf(a.region.county)?.seat;
}
