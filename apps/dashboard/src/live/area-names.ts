import { useEffect, useState } from 'react';
import { type AlertGroup } from '@fengqiao/domain';
import { fetchRegions } from '../common/useRegionChildren';
import { districtName } from '../wall/wall-data';

/**
 * Township names for the alert groups' areas, loaded once per county from GET /api/regions and kept
 * for the page's life. Bounded (STYLE.md §13): a wall runs for days; a name never loaded shows its code.
 */
const CAPACITY = 2_000;
const names = new Map<string, string>();
const loaded = new Set<string>();

function remember(rows: readonly { code: string; name: string }[]): void {
  for (const r of rows) {
    if (names.size >= CAPACITY) names.clear();
    names.set(r.code, r.name);
  }
}

/** Loads the township names of these counties (each once); re-renders when names arrive. */
export function useTownshipNames(counties: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(counties)].sort().join(',');
  const [, setLoads] = useState(0);
  useEffect(() => {
    const wanted = key === '' ? [] : key.split(',').filter((c) => !loaded.has(c));
    if (wanted.length === 0) return undefined;
    const controller = new AbortController();
    for (const county of wanted) {
      loaded.add(county);
      fetchRegions(county, controller.signal)
        .then((rows) => {
          remember(rows);
          setLoads((n) => n + 1);
        })
        .catch(() => loaded.delete(county));
    }
    return () => controller.abort();
  }, [key]);
  return names;
}

/** The group's area as a person reads it: district and township names (codes only on hover). */
export function areaName(area: AlertGroup['area'], townships: ReadonlyMap<string, string>): string {
  const district = districtName(area.county);
  if (area.township === undefined) return district;
  return `${district} ${townships.get(area.township) ?? area.township}`;
}

/** The code behind an area, for the title (hover). */
export const areaCode = (area: AlertGroup['area']): string => area.township ?? area.county;
