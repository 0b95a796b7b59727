import { type BreakdownQuery } from '@fengqiao/contracts';
import { ApiError } from '../common/api-error';
import { type GridFilter } from './grid-trends.repository';
import { type RollupFilter } from './trends.repository';

const DAY_MS = 86_400_000;

const invalid = (message: string, path: string, detail: string): ApiError =>
  new ApiError('VALIDATION_FAILED', message, [{ path, message: detail }]);

/** City → counties, county → townships; a township stays itself. */
export function filterOf(q: BreakdownQuery, maxDays: number): RollupFilter {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (!(span > 0) || span > maxDays * DAY_MS) {
    throw invalid('invalid range', 'to', `must be after from, within ${maxDays} days`);
  }
  if (q.township !== undefined && q.county !== undefined && !q.township.startsWith(q.county)) {
    throw invalid('township outside county', 'township', 'must lie in county');
  }
  return {
    from: q.from,
    to: q.to,
    county: q.county ?? null,
    township: q.township ?? null,
    source: q.source ?? null,
    category: q.category ?? null,
    level: q.county === undefined && q.township === undefined ? 'county' : 'township',
  };
}

/**
 * The grid-level filter of a query, or null when it asks for counties or townships: a grid cell
 * (which names its township), or `level=grid` with a township (its cells). Regions given alongside
 * must contain the cell.
 */
export function gridFilterOf(q: BreakdownQuery): GridFilter | null {
  if (q.grid === undefined && q.level === undefined) return null;
  const township = q.grid?.slice(0, 9) ?? q.township;
  if (township === undefined)
    throw invalid('grid level needs a township', 'township', 'required for level=grid');
  if ((q.township ?? township) !== township || !township.startsWith(q.county ?? '')) {
    throw invalid('grid cell outside region', 'grid', 'must lie in township and county');
  }
  return { township, grid: q.grid ?? null, source: q.source ?? null, category: q.category ?? null };
}
