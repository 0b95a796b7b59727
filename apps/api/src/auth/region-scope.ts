import { ApiError } from '../common/api-error';

/**
 * Whether a user scoped to `regions` (county or township codes, or a grid worker's grid cells;
 * empty = city) may see a place.
 */
export function inScope(
  regions: readonly string[],
  place: { county: string; township?: string | null; grid?: string | null },
): boolean {
  if (regions.length === 0) return true;
  return regions.some(
    (r) =>
      r === place.county ||
      (place.township != null && r === place.township) ||
      (place.grid != null && r === place.grid),
  );
}

const outOfScope = (what: string): ApiError =>
  new ApiError('OUT_OF_SCOPE', `${what} outside your regions`, [
    { path: what, message: 'outside your regions' },
  ]);

/** Whether a region code (county, township, village or grid cell) lies inside the scope. */
export function codeInScope(regions: readonly string[], code: string): boolean {
  return regions.length === 0 || regions.some((r) => code.startsWith(r));
}

/**
 * 403 unless `code` is inside the scope or an ancestor of it (a township-scoped user may name their
 * county when the answer is then cut to their township).
 */
export function assertRegionVisible(
  regions: readonly string[],
  code: string | undefined,
  what: string,
): void {
  if (code === undefined || regions.length === 0) return;
  if (!regions.some((r) => code.startsWith(r) || r.startsWith(code))) throw outOfScope(what);
}

/** The region filter of a read query: county, township, and (for trends) a grid cell. */
export interface RegionQuery {
  readonly county?: string;
  readonly township?: string;
  readonly grid?: string;
}

/**
 * A read query as a scoped user may run it (issue 17 #9): a region the query names must lie inside
 * the scope (403 OUT_OF_SCOPE otherwise: asking for another district by name is refused, not
 * silently emptied); a query naming none is narrowed to the user's region, so a list shows the
 * scope only. A user with several regions names one of them.
 */
export function scopeRegionQuery<Q extends RegionQuery>(regions: readonly string[], q: Q): Q {
  if (regions.length === 0) return q;
  const named = q.grid ?? q.township ?? q.county;
  const field = q.grid !== undefined ? 'grid' : q.township !== undefined ? 'township' : 'county';
  if (named !== undefined) {
    if (!codeInScope(regions, named)) throw outOfScope(field);
    return q;
  }
  const [only, ...more] = regions;
  if (only === undefined || more.length > 0) throw outOfScope('county');
  return only.length <= 6 ? { ...q, county: only } : { ...q, county: only.slice(0, 6), township: only };
}
