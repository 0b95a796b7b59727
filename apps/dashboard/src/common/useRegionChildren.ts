import { useEffect, useState } from 'react';
import { type RegionNode } from '@fengqiao/contracts';
import { call } from '../api/call';
import { type CascadeLevel, type RegionDraft } from './region-cascade';

/** The children of a region from GET /api/regions (the counties for parent ''); none while loading. */
export function fetchRegions(parent: string, signal?: AbortSignal): Promise<readonly RegionNode[]> {
  const query = { parent: parent === '' ? undefined : parent };
  return call('regions.children', { query }, signal).then((r) => r.regions);
}

/**
 * One level of the address cascade: the children of `parent`, or nothing when the level above is
 * not chosen yet (`enabled` false). A failed load leaves the list empty; the form still validates.
 */
export function useRegionChildren(parent: string, enabled: boolean): readonly RegionNode[] {
  const [items, setItems] = useState<readonly RegionNode[]>([]);
  useEffect(() => {
    setItems([]);
    if (!enabled) return undefined;
    const controller = new AbortController();
    fetchRegions(parent, controller.signal)
      .then(setItems)
      .catch(() => undefined);
    return () => controller.abort();
  }, [parent, enabled]);
  return items;
}

/**
 * The option lists of the cascade's first `depth` levels (4: down to the grid cell); a level is
 * loaded once the level above it is chosen, and levels beyond `depth` are never asked for.
 */
export function useRegionLists(
  region: RegionDraft,
  depth = 4,
): Readonly<Record<CascadeLevel, readonly RegionNode[]>> {
  // Always the same four hooks in the same order; `depth` only switches loading on and off.
  return {
    county: useRegionChildren('', depth >= 1),
    township: useRegionChildren(region.county, depth >= 2 && region.county !== ''),
    village: useRegionChildren(region.township, depth >= 3 && region.township !== ''),
    grid: useRegionChildren(region.village, depth >= 4 && region.village !== ''),
  };
}
