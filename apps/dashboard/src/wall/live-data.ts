import { useCallback, useMemo, useState } from 'react';
import {
  cameraStatusAggregateSchema,
  hotspotsDeltaSchema,
  hotspotsSnapshotSchema,
  kpiSnapshotSchema,
  type CameraStatusAggregate,
  type KpiSnapshot,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { usePolled, type Polled } from '../common/hooks';
import { applyDelta, applySnapshot, emptyHotspots, type HotspotBook } from '../live/hotspot-book';
import { useLiveEvent } from '../live/useLiveEvent';
import { mergeKpis } from './kpi-view';

/** REST keeps the tiles alive when the socket is away; the live event brings changes within seconds. */
const KPI_POLL_MS = 60_000;

const fetchKpis = (signal: AbortSignal) => call('kpis.snapshot', {}, signal);

/** The KPI snapshot: polled over REST, updated by `kpis.updated`, merged tile by tile (newer asOf wins). */
export function useKpis(): { snapshot: KpiSnapshot | undefined; rest: Polled<KpiSnapshot> } {
  const [snapshot, setSnapshot] = useState<KpiSnapshot | undefined>(undefined);
  const rest = usePolled(
    useCallback(async (signal: AbortSignal) => {
      const s = await fetchKpis(signal);
      setSnapshot((prev) => mergeKpis(prev, s));
      return s;
    }, []),
    KPI_POLL_MS,
  );
  useLiveEvent('kpis.updated', (payload) => {
    const parsed = kpiSnapshotSchema.safeParse(payload);
    if (parsed.success) setSnapshot((prev) => mergeKpis(prev, parsed.data));
  });
  return { snapshot, rest };
}

/**
 * REST answer → the live shape, ranked as listed (the live `expected` baseline is not in REST). The
 * engine's score and factors come along when the list is the engine's; a counts list has neither.
 */
const fetchHotspotBook = async (signal: AbortSignal): Promise<HotspotBook> => {
  const r = await call('hotspots.top', { query: { hours: 24, limit: 5 } }, signal);
  return {
    version: undefined,
    asOf: r.computedAt ?? new Date().toISOString(),
    items: r.items.map(({ score, factors, ...i }, n) => ({
      ...i,
      rank: n + 1,
      expected: 0,
      ...(score === null ? {} : { score, factors }),
    })),
    gap: false,
  };
};

/** Top hotspots from `hotspots.snapshot` + `hotspots.changed`; REST until the first snapshot arrives. */
export function useHotspots(): { book: HotspotBook; live: boolean; rest: Polled<HotspotBook> } {
  const [book, setBook] = useState<HotspotBook>(emptyHotspots);
  const rest = usePolled(fetchHotspotBook, 60_000);
  useLiveEvent('hotspots.snapshot', (payload) => {
    const parsed = hotspotsSnapshotSchema.safeParse(payload);
    if (parsed.success) setBook(applySnapshot(parsed.data));
  });
  useLiveEvent('hotspots.changed', (payload) => {
    const parsed = hotspotsDeltaSchema.safeParse(payload);
    if (parsed.success) setBook((b) => applyDelta(b, parsed.data));
  });
  const live = book.version !== undefined;
  // One object while nothing changed: the wall's views are memoised on it (WallViews.tsx).
  return useMemo(() => ({ book: live ? book : (rest.data ?? book), live, rest }), [book, live, rest]);
}

const fetchCameraAggregate = async (signal: AbortSignal): Promise<CameraStatusAggregate> => {
  const r = await call('cameras.status', {}, signal);
  return {
    scope: { region: null },
    level: r.level,
    asOf: new Date().toISOString(),
    rows: r.rows.map((row) => ({ ...row, streaming: 0 })),
  };
};

/** Online share per region from `camera-status.updated`; REST until the first aggregate arrives. */
export function useCameraStatus(): { aggregate: CameraStatusAggregate | undefined; live: boolean } {
  const [aggregate, setAggregate] = useState<CameraStatusAggregate | undefined>(undefined);
  const rest = usePolled(fetchCameraAggregate, 60_000);
  useLiveEvent('camera-status.updated', (payload) => {
    const parsed = cameraStatusAggregateSchema.safeParse(payload);
    if (parsed.success) setAggregate(parsed.data);
  });
  return { aggregate: aggregate ?? rest.data, live: aggregate !== undefined };
}
