import { type EscalationLevel } from '@fengqiao/contracts';
import { shiftAt, type Shift, type ShiftSlot } from './shifts';

/** The city's own roster region (the regions table has no city row). */
export const CITY_REGION = 'city';

/** A weekly pattern: on these weekdays this shift of this region is held by primary and backup. */
export interface RosterPattern {
  readonly regionCode: string;
  readonly shift: Shift;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekdays: readonly number[];
  readonly primaryUserId: string;
  readonly backupUserId: string | null;
}

/** A one-off: on this city date this shift of this region is held by someone else (leave, swap). */
export interface RosterException {
  readonly regionCode: string;
  readonly shift: Shift;
  readonly date: string;
  readonly primaryUserId: string;
  readonly backupUserId: string | null;
}

export interface OnDuty {
  readonly regionCode: string;
  readonly slot: ShiftSlot;
  readonly primaryUserId: string;
  readonly backupUserId: string | null;
  readonly source: 'pattern' | 'exception';
}

/** Who holds the region's shift at `nowMs`: an exception for that date wins over the pattern. */
export function onDutyAt(
  patterns: readonly RosterPattern[],
  exceptions: readonly RosterException[],
  regionCode: string,
  nowMs: number,
): OnDuty | undefined {
  const slot = shiftAt(nowMs);
  const exception = exceptions.find(
    (e) => e.regionCode === regionCode && e.shift === slot.shift && e.date === slot.date,
  );
  if (exception !== undefined) return { ...pick(exception), regionCode, slot, source: 'exception' };
  const pattern = patterns.find(
    (p) => p.regionCode === regionCode && p.shift === slot.shift && p.weekdays.includes(slot.weekday),
  );
  return pattern === undefined ? undefined : { ...pick(pattern), regionCode, slot, source: 'pattern' };
}

function pick(r: RosterPattern | RosterException): Pick<OnDuty, 'primaryUserId' | 'backupUserId'> {
  return { primaryUserId: r.primaryUserId, backupUserId: r.backupUserId };
}

/** The roster region that answers for an alert at an escalation level (grid → … → city). */
export function rosterRegionOf(
  level: EscalationLevel,
  region: { readonly county: string; readonly township?: string; readonly grid?: string },
): string {
  switch (level) {
    case 'grid':
      return region.grid ?? region.township ?? region.county;
    case 'township':
      return region.township ?? region.county;
    case 'county':
      return region.county;
    case 'city':
      return CITY_REGION;
  }
}
