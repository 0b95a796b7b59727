import { useEffect, useState } from 'react';
import { regionChildrenSchema, type RegionNode } from '@fengqiao/contracts';
import { apiGet, queryString } from '../api/http';

/** The children of a region from GET /api/regions (the counties for parent ''); none while loading. */
export function fetchRegions(parent: string, signal?: AbortSignal): Promise<readonly RegionNode[]> {
  const q = queryString({ parent: parent === '' ? undefined : parent });
  return apiGet(`/api/regions${q}`, regionChildrenSchema, signal).then((r) => r.regions);
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
