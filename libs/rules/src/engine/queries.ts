import { type Alert, type Hotspot } from '@fengqiao/contracts';
import { isOpen } from '../alerts/alert-book';
import { type EngineContext } from '../context';
import { rankHotspots } from '../hotspots/hotspots';
import { type EngineState } from './state';

/**
 * The top-N hotspots of one region level for the hour containing `now`, each with its top
 * contributing factors. Pure read: call it as often as the wall refreshes.
 */
export function topHotspots(
  ctx: EngineContext,
  state: EngineState,
  now: number,
  opts: { level: Hotspot['level']; topN: number },
): Hotspot[] {
  const inputs = {
    policy: ctx.rules.spec.hotspot,
    baseline: ctx.baseline,
    directory: ctx.directory,
    offlineIn: state.cameras.offlineIn,
    offsetMs: ctx.rules.calendar.offsetMs,
  };
  return rankHotspots(state.hotspots, inputs, now, opts.level, opts.topN);
}

/** The alerts the engine holds open, in the order they were first seen. */
export function openAlerts(state: EngineState): Alert[] {
  const out: Alert[] = [];
  for (const e of state.book.byKey.values()) if (isOpen(e.alert.state)) out.push(e.alert);
  return out;
}

/** Sizes of the bounded parts of the state, for metrics and the memory benchmark. */
export function stateSizes(state: EngineState): Record<string, number> {
  return {
    alerts: state.book.byKey.size,
    tracks: state.book.tracks.size,
    windows: state.windows.size,
    anomalies: state.anomalies.size,
    deadlines: state.deadlines.size,
    caseTiers: state.caseTiers.size,
    offlineCameras: state.cameras.offline.size,
    hotspotCells: state.hotspots.size,
    repeatPlaces: state.book.repeats.size,
  };
}
