import {
  type AlertChanged,
  type CameraAnalytics,
  type CameraStatus,
  type CaseEvent,
} from '@fengqiao/contracts';
import { createAlertBook, type AlertBook } from '../alerts/alert-book';
import { type AlertCommand, type Decision } from '../alerts/decisions';
import { type AnomalyState } from '../evaluators/anomaly';
import { createCameraHealth, type CameraHealthState } from '../evaluators/camera-health';
import { type CaseTiers, type DeadlineState } from '../evaluators/deadline';
import { type WindowState } from '../evaluators/window-threshold';
import { type HotspotState } from '../hotspots/hotspots';
import { type CompiledRuleSet } from '../ruleset/compile';

/**
 * The engine's memory: open alerts and their timers, sliding windows, this hour's anomaly counts,
 * open service-tier deadlines, which cameras are dark, and this hour's hotspot activity. Every
 * part is bounded by the number of keys (regions × categories, cameras, open cases, open alerts),
 * never by the number of events.
 *
 * Owned, not shared: `step` updates it in place and returns it, because copying 31,000 cameras per
 * event would cost more than the rules. Use a state with one engine; replay into a fresh state
 * (`createEngineState`) to reproduce or backtest.
 */
export interface EngineState {
  readonly book: AlertBook;
  readonly windows: WindowState;
  readonly anomalies: AnomalyState;
  readonly deadlines: DeadlineState;
  /** Each case's tier, so a reopening can restart its clocks (bounded: see CaseTiers). */
  readonly caseTiers: CaseTiers;
  readonly cameras: CameraHealthState;
  readonly hotspots: HotspotState;
  /** Status or analytics events from cameras missing in the directory (ignored, counted). */
  unknownCameraEvents: number;
  /** The compiled rule set the evaluator state refers to (see rebindRules). */
  boundTo: CompiledRuleSet | undefined;
}

export function createEngineState(): EngineState {
  return {
    book: createAlertBook(),
    windows: new Map(),
    anomalies: new Map(),
    deadlines: new Map(),
    caseTiers: new Map(),
    cameras: createCameraHealth(),
    hotspots: new Map(),
    unknownCameraEvents: 0,
    boundTo: undefined,
  };
}

/** What `step` consumes: an event, a clock tick, a human command, or a change made elsewhere. */
export type EngineInput =
  | { readonly kind: 'case'; readonly event: CaseEvent }
  | { readonly kind: 'camera-status'; readonly event: CameraStatus }
  | { readonly kind: 'camera-analytics'; readonly event: CameraAnalytics }
  /** Time passed: pending periods, hysteresis, deadlines, window decay and escalation are judged. */
  | { readonly kind: 'tick' }
  | { readonly kind: 'command'; readonly command: AlertCommand }
  /**
   * An `alert.changed.v1` from the topic or the alerts table: adopted when newer than held, or at
   * an equal version too when `authoritative` (read back from the database after losing a race).
   */
  | { readonly kind: 'alert-changed'; readonly change: AlertChanged; readonly authoritative?: boolean };

export interface StepResult {
  readonly state: EngineState;
  /** In the order they happened; persist and publish them in this order. */
  readonly decisions: Decision[];
}
