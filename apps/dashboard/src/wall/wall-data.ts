import {
  BAZHONG_DISTRICTS,
  breakdownResponseSchema,
  cameraSearchResponseSchema,
  cameraStatusResponseSchema,
  hotspotsResponseSchema,
  trendSeriesResponseSchema,
  yearOnYearResponseSchema,
  type Alert,
} from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';

const HOUR = 3600_000;

/** Start of today in Beijing (UTC+8), as an ISO instant. */
export function beijingMidnight(nowMs: number): string {
  const day = Math.floor((nowMs + 8 * HOUR) / (24 * HOUR));
  return new Date(day * 24 * HOUR - 8 * HOUR).toISOString();
}

const iso = (ms: number): string => new Date(ms).toISOString();

export const fetchSeries = (hours: number, bucket: 'hour' | 'day', signal: AbortSignal) => {
  const now = Date.now();
  return apiGet(
    `/api/trends/series${queryString({ from: iso(now - hours * HOUR), to: iso(now), bucket })}`,
    trendSeriesResponseSchema,
    signal,
  );
};

export const fetchCasesToday = async (signal: AbortSignal): Promise<number> => {
  const now = Date.now();
  const q = queryString({ from: beijingMidnight(now), to: iso(now + 1000), bucket: 'day', source: 'case' });
  const r = await apiGet(`/api/trends/series${q}`, trendSeriesResponseSchema, signal);
  return r.points.reduce((s, p) => s + p.events, 0);
};

export const fetchDisputesYoy = (signal: AbortSignal) => {
  const now = Date.now();
  const q = queryString({ from: iso(now - 30 * 24 * HOUR), to: iso(now), source: 'case' });
  return apiGet(`/api/trends/yoy${q}`, yearOnYearResponseSchema, signal);
};

export const fetchCamerasOnline = async (signal: AbortSignal) => {
  const r = await apiGet('/api/cameras/status', cameraStatusResponseSchema, signal);
  const total = r.rows.reduce((s, x) => s + x.total, 0);
  const online = r.rows.reduce((s, x) => s + x.online, 0);
  return { total, online, share: total === 0 ? null : online / total };
};

export const fetchHotspots = (signal: AbortSignal) =>
  apiGet('/api/hotspots?hours=24&limit=5', hotspotsResponseSchema, signal);

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
