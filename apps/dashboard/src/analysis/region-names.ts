import { cityDistricts } from '../geo/city-districts';
import { S } from '../i18n/strings';

/**
 * Names of the regions the breakdowns have listed, so the breadcrumb names a township or a grid cell
 * after a drill (the level below shows only its own rows). Bounded like every long-lived buffer; a
 * name never seen shows as its code.
 */
const CAPACITY = 2_000;
const names = new Map<string, string>();

export function rememberNames(rows: readonly { region: string; name: string | null }[]): void {
  for (const r of rows) {
    if (r.name === null) continue;
    if (names.size >= CAPACITY) names.clear();
    names.set(r.region, r.name);
  }
}

export function regionName(code: string): string {
  if (code === '') return S.city;
  return cityDistricts().find((d) => d.code === code)?.name ?? names.get(code) ?? code;
}
