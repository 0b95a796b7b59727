import { useEffect, useState } from 'react';
import { type GeoPoint } from '@fengqiao/contracts';
import { call } from '../api/call';

/**
 * Where to draw a township on the wall map. The region registry has each township's centre (the
 * regions table, written by the seed from the demo city it generates: not surveyed centroids, and
 * ../shared/geo has district outlines only). The analysis map takes those centres from the trends
 * breakdown rows; the hotspot stream does not carry them yet, so here a township is placed at one of
 * its registered cameras: a point inside it, near but not at the registry's centre.
 * Cached for the page's life (townships do not move), bounded like every wall buffer.
 */
const CAPACITY = 300;
const cache = new Map<string, GeoPoint | null>();

async function lookup(township: string, signal: AbortSignal): Promise<GeoPoint | null> {
  const page = await call('cameras.search', { query: { township, limit: 1 } }, signal);
  const c = page.items[0];
  return c === undefined ? null : { lon: c.lon, lat: c.lat };
}

/** Points of the given townships, filled in as the lookups answer. */
export function useTownshipPoints(codes: readonly string[]): ReadonlyMap<string, GeoPoint> {
  const key = [...codes].sort().join(',');
  const [points, setPoints] = useState<ReadonlyMap<string, GeoPoint>>(new Map());
  useEffect(() => {
    const controller = new AbortController();
    const wanted = key === '' ? [] : key.split(',');
    const missing = wanted.filter((c) => !cache.has(c));
    const publish = (): void => {
      const found = new Map<string, GeoPoint>();
      for (const c of wanted) {
        const p = cache.get(c);
        if (p != null) found.set(c, p);
      }
      setPoints(found);
    };
    publish();
    void Promise.all(
      missing.map((c) =>
        lookup(c, controller.signal)
          .then((p) => {
            if (cache.size >= CAPACITY) cache.clear();
            cache.set(c, p);
          })
          .catch(() => undefined),
      ),
    ).then(() => {
      if (!controller.signal.aborted && missing.length > 0) publish();
    });
    return () => controller.abort();
  }, [key]);
  return points;
}
