import { useEffect, useReducer, useState } from 'react';
import { type Alert, type CameraSummary, type GeoPoint } from '@fengqiao/contracts';
import { call } from '../api/call';
import { useLiveAlerts } from '../live/LiveAlerts';
import { initialTakeover, reduceTakeover, type TakeoverState } from './takeover';
import { fetchNearAlert } from './usePatrol';
import { districtName } from './wall-data';

/** A takeover's end is checked this often: its release on time is what a person in the room sees. */
const TICK_MS = 250;

/**
 * Incident mode of this wall: the alert book (socket + REST) feeds the takeover reducer, so an
 * acknowledgement streamed as `alert.changed` releases every wall as soon as it arrives.
 */
export function useIncidentTakeover(durationMs: number): {
  state: TakeoverState;
  alert: Alert | undefined;
} {
  const { book } = useLiveAlerts();
  const [state, dispatch] = useReducer(reduceTakeover, durationMs, initialTakeover);
  useEffect(() => {
    dispatch({ kind: 'alerts', alerts: [...book.alerts.values()], now: Date.now() });
  }, [book]);
  const running = state.current !== undefined;
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => dispatch({ kind: 'tick', now: Date.now() }), TICK_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  const alert = state.current === undefined ? undefined : book.alerts.get(state.current.alertId);
  return { state, alert };
}

export interface IncidentPlace {
  /** "通江县 · 江北街道" (the county alone until the township's name has loaded). */
  readonly name: string;
  readonly point: GeoPoint | undefined;
  /** The alert's nearest cameras, streaming first (the route's own order by distance otherwise). */
  readonly cameras: readonly CameraSummary[];
}

/** Where the incident is (township name and centre from the region registry) and its nearest cameras. */
export function useIncidentPlace(alert: Alert, tiles: number): IncidentPlace {
  const { alertId, region } = alert;
  const county = districtName(region.county);
  const [township, setTownship] = useState<{ name: string; point: GeoPoint | null } | undefined>();
  const [near, setNear] = useState<{ cameras: CameraSummary[]; origin: GeoPoint | undefined }>({
    cameras: [],
    origin: undefined,
  });
  useEffect(() => {
    setTownship(undefined);
    if (region.township === undefined) return undefined;
    const controller = new AbortController();
    call('regions.children', { query: { parent: region.county } }, controller.signal)
      .then((r) => setTownship(r.regions.find((t) => t.code === region.township)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [region.county, region.township]);
  useEffect(() => {
    setNear({ cameras: [], origin: undefined });
    const controller = new AbortController();
    fetchNearAlert(alertId, tiles, controller.signal)
      .then((r) => setNear({ cameras: r.cameras, origin: r.origin }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [alertId, tiles]);
  // The alert's own point when it has one; the township's centre is the next best guess.
  const point = alert.location ?? township?.point ?? near.origin;
  return {
    name: township === undefined ? county : `${county} · ${township.name}`,
    point,
    cameras: near.cameras,
  };
}
