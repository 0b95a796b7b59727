import { reindexIfSwapped } from '../alerts/alert-book';
import { rebindRules } from './rebind';
import { type Decision, type Signal } from '../alerts/decisions';
import { escalateDue, purgeResolved } from '../alerts/escalation';
import { purgeHeld, releaseHeld } from '../alerts/fire';
import { adoptChange, applyCommand } from '../alerts/lifecycle';
import { applySignal, settleAll } from '../alerts/signals';
import { type EngineContext } from '../context';
import { anomalyOnTick } from '../evaluators/anomaly';
import { darkSitesNearIncident } from '../evaluators/camera-health';
import { deadlineOnTick, forgetQuietCases } from '../evaluators/deadline';
import { purgeRepeats, repeatOnAlert } from '../evaluators/repeat';
import { windowOnTick } from '../evaluators/window-threshold';
import { onAnalytics, onCase, onStatus } from './inputs';
import { type EngineInput, type EngineState, type StepResult } from './state';

/**
 * The engine: `(context, state, input, now) → (state, decisions)`. Deterministic: the same context,
 * inputs and `now` values give the same decisions, bit for bit (alert ids included). `now` is epoch
 * milliseconds; windows and deadlines use each event's own `occurredAt`, alert lifecycle uses `now`.
 */
export function step(ctx: EngineContext, state: EngineState, input: EngineInput, now: number): StepResult {
  reindexIfSwapped(state.book, ctx.rules);
  rebindRules(state, ctx.rules);
  const signals: Signal[] = [];
  const out: Decision[] = [];
  switch (input.kind) {
    case 'case':
      onCase(ctx, state, input.event, signals);
      break;
    case 'camera-analytics':
      onAnalytics(ctx, state, input.event, signals);
      break;
    case 'camera-status':
      onStatus(ctx, state, input.event, signals);
      break;
    case 'tick':
      onTick(ctx, state, now, signals, out);
      return { state, decisions: out };
    case 'command':
      applyCommand(ctx, state.book, input.command, now, out);
      break;
    case 'alert-changed':
      adoptChange(ctx, state.book, input.change, input.authoritative === true);
      break;
  }
  drain(ctx, state, signals, now, out, 0);
  return { state, decisions: out };
}

function onTick(
  ctx: EngineContext,
  state: EngineState,
  now: number,
  signals: Signal[],
  out: Decision[],
): void {
  windowOnTick(state.windows, now, signals);
  anomalyOnTick(
    state.anomalies,
    { baseline: ctx.baseline, offsetMs: ctx.rules.calendar.offsetMs },
    now,
    signals,
  );
  deadlineOnTick(state.deadlines, now, signals);
  forgetQuietCases(state.caseTiers, state.deadlines, now);
  drain(ctx, state, signals, now, out, 0);
  const mark = out.length;
  settleAll(ctx, state.book, now, out);
  drain(ctx, state, [], now, out, mark);
  escalateDue(ctx, state.book, now, out);
  purgeResolved(ctx, state.book, now);
  purgeHeld(ctx, state.book, now);
  purgeRepeats(ctx.rules.repeats, state.book.repeats, now);
}

/**
 * Applies signals in order. A decision can cause more signals (an orange raise counts towards
 * repeat → red; an incident makes nearby dark cameras matter), which join the queue; repeat rules
 * never count their own alerts, so the queue ends.
 */
function drain(
  ctx: EngineContext,
  state: EngineState,
  signals: Signal[],
  now: number,
  out: Decision[],
  from: number,
): void {
  let seen = from;
  let i = 0;
  for (;;) {
    for (; seen < out.length; seen++) followUps(ctx, state, out[seen], now, signals);
    const sig = signals[i];
    if (sig !== undefined) {
      i++;
      applySignal(ctx, state.book, sig, now, out);
    }
    // Inhibition is re-judged when an inhibiting alert closes, not only when a target is raised.
    else if (state.book.releaseDue !== 'none') releaseHeld(ctx, state.book, now, out);
    else return;
  }
}

function followUps(
  ctx: EngineContext,
  state: EngineState,
  d: Decision | undefined,
  now: number,
  signals: Signal[],
): void {
  if (d === undefined || (d.type !== 'raised' && d.type !== 'reopened' && d.type !== 'updated')) return;
  repeatOnAlert(ctx.rules.repeats, state.book.repeats, d.alert, d.labels, now, signals);
  if (ctx.rules.darkSites.length > 0) {
    darkSitesNearIncident(
      ctx.rules.darkSites,
      state.cameras,
      ctx.directory,
      d.alert,
      d.labels.kind ?? '',
      signals,
    );
  }
}
