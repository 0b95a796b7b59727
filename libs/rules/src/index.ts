/**
 * @fengqiao/rules — the pure rules engine of the blue / orange / red warnings.
 *
 * Usage (a consumer):
 * ```ts
 * const ctx = createEngineContext({ ruleSet: DEFAULT_RULE_SET, directory: buildCameraDirectory(regs), baseline });
 * let state = createEngineState();
 * const { state: next, decisions } = step(ctx, state, { kind: 'case', event }, Date.now());
 * // persist + publish decisions in order; call step(ctx, state, { kind: 'tick' }, now) every few seconds
 * ```
 * No I/O, no clock, no randomness: time is the `now` argument, alert ids are derived from the
 * dedup key and the raise time, so a replay gives the same decisions bit for bit.
 */

// The engine
export { step } from './engine/step';
export { warmUp } from './engine/warm-up';
export { createEngineState, type EngineInput, type EngineState, type StepResult } from './engine/state';
export { openAlerts, stateSizes, topHotspots } from './engine/queries';
export { backtest, type BacktestAlert, type BacktestReport } from './engine/backtest';
export { createEngineContext, type EngineContext } from './context';

// Decisions and commands
export {
  type ActiveSignal,
  type Actor,
  type AlertChangeDecision,
  type AlertCommand,
  type Decision,
  type InactiveSignal,
  type RefusalCode,
  type RefusedDecision,
  type Signal,
  type SuppressedDecision,
} from './alerts/decisions';
export { alertIdOf } from './alerts/alert-id';

// Rule sets
export {
  RuleSetError,
  compileRuleSet,
  parseRuleSet,
  type CompiledRuleSet,
  type RuleSetErrorCode,
} from './ruleset/compile';
export { type Labels } from './ruleset/matchers';
export { DEFAULT_RULE_SET } from './defaults/default-rule-set';

// Reference data the context is built from
export {
  buildCameraDirectory,
  distanceM,
  type CameraDirectory,
  type CameraSite,
} from './directory/camera-directory';
export {
  baselineFromSeries,
  BASELINE_WEEKS,
  buildBaseline,
  type Baseline,
  type BaselineSeries,
  type BaselineStat,
  type HourlyCount,
} from './baseline/baseline';
