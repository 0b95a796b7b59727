import { type RosterPattern } from '@fengqiao/contracts';

export type Shift = RosterPattern['shift'];

/** One row of the weekly grid: a region's shift, with each weekday's holders (Sunday first). */
export interface RosterGridRow {
  readonly regionCode: string;
  readonly shift: Shift;
  readonly days: readonly (RosterPattern | undefined)[];
}

/** Patterns → grid rows ordered by region then day before night. */
export function rosterGridOf(patterns: readonly RosterPattern[]): RosterGridRow[] {
  const rows = new Map<string, (RosterPattern | undefined)[]>();
  for (const p of patterns) {
    const key = `${p.regionCode}|${p.shift === 'day' ? 0 : 1}`;
    const days = rows.get(key) ?? Array.from({ length: 7 }, () => undefined);
    days[p.weekday] = p;
    rows.set(key, days);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, days]) => {
      const [regionCode = '', shiftIndex] = key.split('|');
      return { regionCode, shift: shiftIndex === '0' ? 'day' : 'night', days };
    });
}
