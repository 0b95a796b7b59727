import { type ReportLevel } from '@fengqiao/contracts';

/**
 * SQL fragments that restrict a table with county / township / village / grid columns to one
 * region, through parameter `$n` (the region code). Villages and grid cells also filter on their
 * township (the code's first nine digits) so the township indexes serve them.
 */
export function regionWhere(level: ReportLevel, n: number): string {
  switch (level) {
    case 'city':
      return `($${n}::text IS NOT NULL)`;
    case 'county':
      return `county = $${n}`;
    case 'township':
      return `township = $${n}`;
    case 'village':
      return `township = left($${n}, 9) AND village = $${n}`;
    case 'grid':
      return `township = left($${n}, 9) AND grid = $${n}`;
  }
}

/** Alerts carry no village: a village's alerts are those of its grid cells. */
export function alertRegionWhere(level: ReportLevel, n: number): string {
  return level === 'village'
    ? `township = left($${n}, 9) AND starts_with(grid, $${n})`
    : regionWhere(level, n);
}

/** The column naming the region one level below the report's; null at grid level. */
export function subRegionColumn(level: ReportLevel): 'county' | 'township' | 'village' | 'grid' | null {
  switch (level) {
    case 'city':
      return 'county';
    case 'county':
      return 'township';
    case 'township':
      return 'village';
    case 'village':
      return 'grid';
    case 'grid':
      return null;
  }
}
