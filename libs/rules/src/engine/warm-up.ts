import { reindexIfSwapped } from '../alerts/alert-book';
import { rebindRules } from './rebind';
import { type Signal } from '../alerts/decisions';
import { type EngineContext } from '../context';
import { onAnalytics, onCase, onStatus } from './inputs';
import { type EngineInput, type EngineState } from './state';

/**
 * Rebuilds window, anomaly, deadline, camera and hotspot state from a past event without deciding
 * anything (a restart replaying stored events). Alerts come back separately (`alert-changed`
 * inputs from the alerts table); the next tick judges the rebuilt state against them, so an alert
 * that should still fire is deduplicated and one that should have cleared clears.
 */
export function warmUp(ctx: EngineContext, state: EngineState, input: EngineInput): void {
  reindexIfSwapped(state.book, ctx.rules);
  rebindRules(state, ctx.rules);
  const discarded: Signal[] = [];
  switch (input.kind) {
    case 'case':
      onCase(ctx, state, input.event, discarded);
      return;
    case 'camera-analytics':
      onAnalytics(ctx, state, input.event, discarded);
      return;
    case 'camera-status':
      onStatus(ctx, state, input.event, discarded);
      return;
    case 'tick':
    case 'command':
    case 'alert-changed':
      return;
  }
}
