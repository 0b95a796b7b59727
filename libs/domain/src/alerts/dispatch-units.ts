import { CASE_UNITS, type Alert, type CaseUnit } from '@fengqiao/contracts';

/** A unit an alert can be dispatched to: one of the "1+6+N" units at one level of the alert's place. */
export interface DispatchTarget {
  readonly unit: CaseUnit;
  /** The township or county whose unit it is (GB/T 2260 code). */
  readonly region: string;
  readonly level: 'township' | 'county';
}

/**
 * Which "1+6+N" units stand at each level (domain.md): a township's centre runs its grid and its
 * mediation; the county runs the whole centre with its six sub-centres. The functional departments
 * (N, `department`) are named per case by triage, not picked from a list, so they are not offered.
 */
const UNITS_AT: Readonly<Record<DispatchTarget['level'], readonly CaseUnit[]>> = {
  township: ['center', 'grid-management', 'dispute-resolution'],
  county: CASE_UNITS.filter((u) => u !== 'department'),
};

/** The units an officer may send an alert to, nearest first: its township's, then its county's. */
export function dispatchTargetsFor(region: Alert['region']): readonly DispatchTarget[] {
  const township =
    region.township === undefined
      ? []
      : UNITS_AT.township.map((unit) => ({
          unit,
          region: region.township ?? '',
          level: 'township' as const,
        }));
  const county = UNITS_AT.county.map((unit) => ({ unit, region: region.county, level: 'county' as const }));
  return [...township, ...county];
}

/**
 * The `unit` a dispatch carries (`grid-management@511902105`): what the alert's history keeps, so
 * every reader names the same unit of the same place.
 */
export function dispatchUnitRef(t: Pick<DispatchTarget, 'unit' | 'region'>): string {
  return `${t.unit}@${t.region}`;
}

/** The unit and place of a dispatch's `unit`, or undefined for free text (older or external dispatches). */
export function parseDispatchUnitRef(ref: string): Pick<DispatchTarget, 'unit' | 'region'> | undefined {
  const m = /^([a-z-]+)@(\d{6}|\d{9})$/.exec(ref);
  const unit = m?.[1];
  const region = m?.[2];
  if (unit === undefined || region === undefined) return undefined;
  return (CASE_UNITS as readonly string[]).includes(unit) ? { unit: unit as CaseUnit, region } : undefined;
}

/**
 * Whether `ref` names a unit that stands at the alert's place (one of dispatchTargetsFor, written
 * as dispatchUnitRef): the dispatch route refuses any other unit, free text included.
 */
export function isDispatchUnitOf(region: Alert['region'], ref: string): boolean {
  return dispatchTargetsFor(region).some((t) => dispatchUnitRef(t) === ref);
}
