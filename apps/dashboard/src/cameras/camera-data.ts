import { type CameraSummary } from '@fengqiao/contracts';
import { call } from '../api/call';
import { searchParams, type CamerasView } from './camera-view';

export const PAGE_SIZE = 20;

export const fetchCameraPage = (view: CamerasView, after: string | undefined, signal: AbortSignal) =>
  call('cameras.search', { query: searchParams(view, after, PAGE_SIZE) }, signal);

/** One camera by its full id (the id prefix search finds exactly it). */
export async function fetchCamera(cameraId: string, signal: AbortSignal): Promise<CameraSummary | null> {
  const page = await call('cameras.search', { query: { q: cameraId, limit: 1 } }, signal);
  return page.items.find((c) => c.cameraId === cameraId) ?? null;
}

export const fetchCameraStatus = (county: string, signal: AbortSignal) =>
  call('cameras.status', { query: { county: county === '' ? undefined : county } }, signal);

/**
 * Township names of a county. The camera status rows carry codes only; the trends breakdown joins the
 * region names, so a year of it names every township that had an event.
 */
export async function fetchTownshipNames(county: string, signal: AbortSignal): Promise<Map<string, string>> {
  const now = Date.now();
  const query = {
    from: new Date(now - 365 * 86_400_000).toISOString(),
    to: new Date(now).toISOString(),
    county,
  };
  const r = await call('trends.breakdown', { query }, signal);
  return new Map(r.rows.flatMap((row) => (row.name === null ? [] : [[row.region, row.name] as const])));
}
