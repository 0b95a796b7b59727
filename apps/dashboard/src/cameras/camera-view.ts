import { STREAM_STATES, type StreamState } from '@fengqiao/contracts';
import { districtOf } from '../geo/city-districts';

/** The cameras view in the URL: a shared link reopens the same search and the same live camera. */
export interface CamerasView {
  /** Name or id prefix. */
  readonly q: string;
  /** '' = the whole city, else a 6-digit county code (the status summary then lists its townships). */
  readonly county: string;
  readonly online: '' | 'true' | 'false';
  /** '' = any; `streaming` lists what can be watched right now. */
  readonly stream: '' | StreamState;
  /** The camera in the live view ('' = none). */
  readonly camera: string;
}

export const EMPTY_CAMERAS_VIEW: CamerasView = { q: '', county: '', online: '', stream: '', camera: '' };

const ONLINE = ['', 'true', 'false'] as const;

export function parseCamerasView(search: string): CamerasView {
  const p = new URLSearchParams(search);
  const q = (p.get('q') ?? '').trim();
  const county = p.get('county') ?? '';
  const camera = p.get('camera') ?? '';
  return {
    // The API's limits (cameraSearchQuerySchema): 1–60 characters.
    q: q.slice(0, 60),
    county: districtOf(county)?.code === county ? county : '',
    online: ONLINE.find((o) => o === p.get('online')) ?? '',
    stream: STREAM_STATES.find((s) => s === p.get('stream')) ?? '',
    camera: /^\d{20}$/.test(camera) ? camera : '',
  };
}

export function camerasViewToSearch(view: CamerasView, lang?: string): string {
  const p = new URLSearchParams();
  for (const key of ['q', 'county', 'online', 'stream', 'camera'] as const)
    if (view[key] !== '') p.set(key, view[key]);
  if (lang !== undefined) p.set('lang', lang);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

/** The registry query of a view (GET /api/cameras), one page after `after`. */
export function searchParams(
  view: CamerasView,
  after: string | undefined,
  limit: number,
): Record<string, string | number | undefined> {
  return {
    q: view.q === '' ? undefined : view.q,
    county: view.county === '' ? undefined : view.county,
    online: view.online === '' ? undefined : view.online,
    streamState: view.stream === '' ? undefined : view.stream,
    limit,
    after,
  };
}

/** Rows of GET /api/cameras/status, worst online share first (what an operator looks at first). */
export function worstFirst<T extends { readonly onlineShare: number; readonly region: string }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => a.onlineShare - b.onlineShare || a.region.localeCompare(b.region));
}
