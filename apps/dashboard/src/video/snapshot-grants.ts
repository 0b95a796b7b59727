import { type PlayGrant, type RequestPlayGrant, type WatchReason } from './play-grant';

/** Grants at most kept: a console open for a shift sees a few hundred evidence cameras at most. */
const MAX_ENTRIES = 200;
/** Give a grant up this long before it expires (an image request in flight must still pass). */
const MARGIN_MS = 30_000;

const cache = new Map<string, { readonly grant: Promise<PlayGrant>; until: number }>();

/**
 * One play grant per camera and reason, shared by every snapshot of that camera on the screen: ten
 * evidence events of one camera ask the API (and its audit log) once, not ten times.
 */
export function snapshotGrant(
  cameraId: string,
  why: WatchReason,
  request: RequestPlayGrant,
  nowMs = Date.now(),
): Promise<PlayGrant> {
  for (const [k, v] of cache) if (v.until <= nowMs) cache.delete(k);
  const key = `${cameraId}|${why.reason === 'alert' ? why.alertId : 'patrol'}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit.grant;
  const grant = request(cameraId, why);
  const entry = { grant, until: nowMs + MARGIN_MS };
  cache.set(key, entry);
  grant.then(
    (g) => (entry.until = Date.parse(g.expiresAt) - MARGIN_MS),
    () => cache.delete(key),
  );
  // Map order is insertion order: the oldest grants go first.
  for (const k of cache.keys()) if (cache.size > MAX_ENTRIES) cache.delete(k);
  return grant;
}
