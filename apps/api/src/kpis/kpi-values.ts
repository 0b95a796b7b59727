import { KPI_TILES, type KpiSnapshot, type KpiTile } from '@fengqiao/contracts';

/** The tiles of the fast half (counts), recomputed at most every FQ_KPI_FAST_MAX_AGE_MS. */
export const FAST_TILES = ['casesToday', 'camerasOnline', 'openAlerts'] as const satisfies readonly KpiTile[];

/** The other tiles (the window figures), recomputed at most every FQ_KPI_SLOW_MAX_AGE_MS. */
export const SLOW_TILES: readonly KpiTile[] = KPI_TILES.filter(
  (t) => !(FAST_TILES as readonly KpiTile[]).includes(t),
);

/**
 * Whether a tile has a figure to show (the wall shows "—" otherwise): its nullable measure is set.
 * The counts (cases today, open alerts) always have one; a tile missing from `s` has none.
 */
export function tileHasValue(s: Partial<KpiSnapshot>, tile: KpiTile): boolean {
  switch (tile) {
    case 'casesToday':
      return s.casesToday !== undefined;
    case 'openAlerts':
      return s.openAlerts !== undefined;
    case 'routedWithinOneWorkingDay':
      return (s.routedWithinOneWorkingDay?.rate ?? null) !== null;
    case 'onTimeByTier':
      return s.onTimeByTier?.rows.some((r) => r.rate !== null) ?? false;
    case 'resolutionRate':
      return (s.resolutionRate?.rate ?? null) !== null;
    case 'averageCycleHours':
      return (s.averageCycleHours?.value ?? null) !== null;
    case 'disputesYearOnYear':
      return (s.disputesYearOnYear?.changePercent ?? null) !== null;
    case 'satisfaction':
      return (s.satisfaction?.average ?? null) !== null;
    case 'camerasOnline':
      return (s.camerasOnline?.share ?? null) !== null;
  }
}

/** True when some slow tile has no figure yet (a first start whose history is still loading). */
export const slowTilesIncomplete = (s: Partial<KpiSnapshot>): boolean =>
  SLOW_TILES.some((t) => !tileHasValue(s, t));
