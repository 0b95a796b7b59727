import {
  BAZHONG_DISTRICTS,
  breakdownResponseSchema,
  cameraSearchResponseSchema,
  trendSeriesResponseSchema,
  type Alert,
} from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';

const HOUR = 3600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

export const fetchSeries = (hours: number, bucket: 'hour' | 'day', signal: AbortSignal) => {
  const now = Date.now();
  return apiGet(
    `/api/trends/series${queryString({ from: iso(now - hours * HOUR), to: iso(now), bucket })}`,
    trendSeriesResponseSchema,
    signal,
  );
};

export const fetchDistrictHeat = (signal: AbortSignal) => {
  const now = Date.now();
  const q = queryString({ from: iso(now - 24 * HOUR), to: iso(now) });
  return apiGet(`/api/trends/breakdown${q}`, breakdownResponseSchema, signal);
};

/** One patrol group of four cameras; `after` pages through the registry on a schedule. */
export const fetchPatrolGroup = (after: string | undefined, signal: AbortSignal) =>
  apiGet(`/api/cameras${queryString({ limit: 4, after })}`, cameraSearchResponseSchema, signal);

export function districtName(code: string): string {
  return BAZHONG_DISTRICTS.find((d) => d.code === code.slice(0, 6))?.name ?? code;
}

/** Where to mark an alert: its own location, else its district's seat. */
export function alertPoint(a: Alert): { lon: number; lat: number } | undefined {
  if (a.location !== undefined) return a.location;
  return BAZHONG_DISTRICTS.find((d) => d.code === a.region.county)?.seat;
}
