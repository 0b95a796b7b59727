import { useEffect, useMemo, useRef, useState } from 'react';
import {
  type CameraSearchResponse,
  type CameraStatusAggregate,
  type CameraSummary,
  type NearestCamerasResponse,
} from '@fengqiao/contracts';
import { call } from '../api/call';
import { ApiRequestError } from '../api/http';
import { cityDistricts } from '../geo/city-districts';
import { isFlashing, openAlertsInOrder } from '../live/alert-book';
import { useLiveAlerts } from '../live/LiveAlerts';
import {
  PATROL_TILES,
  nextStreaming,
  patrolCounties,
  patrolFilter,
  patrolsCounties,
  pinOrder,
} from './patrol-plan';
import { type PatrolScope } from './wall-config';

/** Patrol schedule: a new group every minute (domain.md: 常态化巡查调度). */
const ROTATE_MS = 60_000;
/** As many spares as tiles, for tiles found dark (the registry pages at most 200). */
const groupSize = (tiles: number): number => Math.min(200, tiles * 2);

/**
 * The nearest cameras of an alert (streaming first) and the point searched around, through the API's
 * nearest-camera route; `tiles` of them (the 2×2 slot, or the takeover's 3×3).
 */
export async function fetchNearAlert(
  alertId: string,
  tiles: number,
  signal: AbortSignal,
): Promise<{ cameras: CameraSummary[]; origin: NearestCamerasResponse['origin'] }> {
  const r = await call('cameras.nearAlert', { params: { alertId }, query: { k: 9 } }, signal);
  const cameras = pinOrder(r.items, tiles).map(({ distanceM: _d, ...summary }) => summary);
  return { cameras, origin: r.origin };
}

const fetchPinned = async (alertId: string, signal: AbortSignal): Promise<CameraSummary[]> =>
  (await fetchNearAlert(alertId, PATROL_TILES, signal)).cameras;

/** Without the nearest-camera route (an older API): the cameras of the alert's township. */
const fetchTownshipCameras = async (township: string, signal: AbortSignal): Promise<CameraSummary[]> =>
  (await call('cameras.search', { query: { township, limit: PATROL_TILES } }, signal)).items;

/** The cameras of the red alert nobody has taken on yet, while it flashes. */
export function usePinned(): { pinned: CameraSummary[]; alertId: string | undefined } {
  const { book } = useLiveAlerts();
  const alert = useMemo(() => openAlertsInOrder(book.alerts.values()).find(isFlashing), [book]);
  const alertId = alert?.alertId;
  const township = alert?.region.township;
  const [pinned, setPinned] = useState<CameraSummary[]>([]);
  useEffect(() => {
    if (alertId === undefined) return setPinned([]);
    const controller = new AbortController();
    fetchPinned(alertId, controller.signal)
      .catch((err: unknown) => {
        if (err instanceof ApiRequestError && err.status === 404 && township !== undefined) {
          return fetchTownshipCameras(township, controller.signal);
        }
        throw err;
      })
      .then(setPinned)
      .catch(() => setPinned([]));
    return () => controller.abort();
  }, [alertId, township]);
  return { pinned, alertId: pinned.length > 0 ? alertId : undefined };
}

/** One rotation's cameras: those streaming now, and the county rotation's page (tiles plus spares). */
export interface PatrolGroup {
  readonly streaming: CameraSummary[];
  readonly rotation: CameraSummary[];
}

const EMPTY_GROUP: PatrolGroup = { streaming: [], rotation: [] };

/** A page of the cameras streaming now, after `after` (an older API without the filter: none). */
const fetchStreaming = (
  filter: ReturnType<typeof patrolFilter>,
  limit: number,
  after: string | undefined,
  signal: AbortSignal,
): Promise<CameraSearchResponse> =>
  call('cameras.search', { query: { ...filter, streamState: 'streaming', limit, after } }, signal).catch(
    () => ({ items: [], nextAfter: null }),
  );

/** How many tiles the patrol fills (the 2×2 slot by default) and where it patrols (the city). */
export interface PatrolOptions {
  readonly tiles?: number;
  readonly scope?: PatrolScope;
}

/**
 * The patrol group, every rotation: the cameras streaming now (paged through when there are more
 * than tiles, minus those `dropped` in the last rotation), and online cameras of one county, counties
 * with streaming cameras first; each county's registry is paged through on later visits.
 */
export function usePatrolGroup(
  aggregate: CameraStatusAggregate | undefined,
  dropped: { readonly current: ReadonlySet<string> },
  { tiles = PATROL_TILES, scope }: PatrolOptions = {},
): PatrolGroup {
  // The scope as a value: a new object with the same fields must not restart the patrol.
  const scopeKey = JSON.stringify(scope ?? {});
  const counties = cityDistricts().map((d) => d.code);
  const order = useRef<string[]>(counties);
  order.current = patrolCounties(aggregate, counties);
  const [group, setGroup] = useState<PatrolGroup>(EMPTY_GROUP);
  useEffect(() => {
    const controller = new AbortController();
    const cursors = new Map<string, string | undefined>();
    let streamCursor: string | undefined;
    let visit = 0;
    const where = JSON.parse(scopeKey) as PatrolScope;
    const limit = groupSize(tiles);
    const rotates = patrolsCounties(where, tiles);
    const next = (): void => {
      const county = rotates ? (order.current[visit % order.current.length] ?? counties[0] ?? '') : '';
      visit += 1;
      const filter = patrolFilter(where, county === '' ? undefined : county);
      const query = { ...filter, online: 'true' as const, limit, after: cursors.get(county) };
      Promise.all([
        fetchStreaming(
          rotates ? { siteType: where.siteType } : filter,
          limit,
          streamCursor,
          controller.signal,
        ),
        call('cameras.search', { query }, controller.signal),
      ])
        .then(([live, page]) => {
          const streaming = nextStreaming(live.items, dropped.current, tiles);
          if (streaming.length > 0 || page.items.length > 0) setGroup({ streaming, rotation: page.items });
          streamCursor = live.nextAfter ?? undefined;
          cursors.set(county, page.nextAfter ?? undefined);
        })
        .catch(() => undefined);
    };
    next();
    const timer = window.setInterval(next, ROTATE_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [dropped, tiles, scopeKey]);
  return group;
}
