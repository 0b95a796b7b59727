import { cityRegionCode, type District } from '@fengqiao/contracts';
import { BUILT_IN_DISTRICTS } from '@fengqiao/geo';

/**
 * The districts of the city this dashboard serves, read from the outlines the server publishes
 * (`/geo/districts.geojson`, the configured FQ_GEOJSON) once they load; the built-in city's until
 * then, and for good when no outlines are configured (the schematic map). One list for the page:
 * lookups outside React (names in a row, a county's seat) read the same one the maps draw.
 */
let current: readonly District[] = BUILT_IN_DISTRICTS;

export function cityDistricts(): readonly District[] {
  return current;
}

export function setCityDistricts(districts: readonly District[]): void {
  if (districts.length > 0) current = districts;
}

/** The city's own region code (its districts' prefecture + 00: 511900 for Bazhong). */
export function cityCode(): string {
  return cityRegionCode(current[0]?.code ?? '');
}

/** The district a region code lies in (its first six digits). */
export function districtOf(code: string): District | undefined {
  const county = code.slice(0, 6);
  return current.find((d) => d.code === county);
}
