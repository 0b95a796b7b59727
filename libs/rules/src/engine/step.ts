import { type CameraAnalytics, type CameraStatus, type CaseEvent } from '@fengqiao/contracts';
import { reindexIfSwapped } from '../alerts/alert-book';
import { type Decision, type Signal } from '../alerts/decisions';
import { escalateDue, purgeResolved } from '../alerts/escalation';
import { adoptChange, applyCommand } from '../alerts/lifecycle';
import { applySignal, settleAll } from '../alerts/signals';
import { type EngineContext } from '../context';
import { anomalyOnEvent, anomalyOnTick } from '../evaluators/anomaly';
import { cameraStatusChanged, darkSitesNearIncident } from '../evaluators/camera-health';
import { deadlineOnEvent, deadlineOnTick } from '../evaluators/deadline';
import { purgeRepeats, repeatOnAlert } from '../evaluators/repeat';
import { regionOf, siteRegion, singleEventOnCamera, singleEventOnCase } from '../evaluators/single-event';
import { windowOnEvent, windowOnTick } from '../evaluators/window-threshold';
import { hotspotOnAnalytics, hotspotOnCase } from '../hotspots/hotspots';
import { analyticsFacts, caseFacts } from '../ruleset/facts';
import { type EngineInput, type EngineState, type StepResult } from './state';

/**
 * The engine: `(context, state, input, now) → (state, decisions)`. Deterministic: the same context,
 * inputs and `now` values give the same decisions, bit for bit (alert ids included). `now` is epoch
 * milliseconds; windows and deadlines use each event's own `occurredAt`, alert lifecycle uses `now`.
 */
export function step(ctx: EngineContext, state: EngineState, input: EngineInput, now: number): StepResult {
  reindexIfSwapped(state.book, ctx.rules);
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

/**
 * Rebuilds window, anomaly, deadline, camera and hotspot state from a past event without deciding
 * anything (a restart replaying stored events). Alerts come back separately (`alert-changed`
 * inputs from the alerts table); the next tick judges the rebuilt state against them, so an alert
 * that should still fire is deduplicated and one that should have cleared clears.
 */
export function warmUp(ctx: EngineContext, state: EngineState, input: EngineInput): void {
  reindexIfSwapped(state.book, ctx.rules);
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

function onCase(ctx: EngineContext, state: EngineState, e: CaseEvent, signals: Signal[]): void {
  const { rules } = ctx;
  const atMs = Date.parse(e.occurredAt);
  const facts = caseFacts(e);
  const region = regionOf(e.region);
  const category = e.type === 'reported' || e.type === 'triaged' ? e.category : 'all';
  singleEventOnCase(rules.singleEvent.case, e, facts, signals);
  windowOnEvent(
    rules.windows,
    'case',
    state.windows,
    facts,
    { eventId: e.eventId, atMs, region, category },
    signals,
  );
  const anomalyCtx = { baseline: ctx.baseline, offsetMs: rules.calendar.offsetMs };
  anomalyOnEvent(
    rules.anomalies,
    'case',
    state.anomalies,
    anomalyCtx,
    facts,
    { eventId: e.eventId, atMs, region },
    signals,
  );
  deadlineOnEvent(rules.deadlines, state.deadlines, rules.calendar, e, atMs, signals);
  hotspotOnCase(state.hotspots, rules.spec.hotspot, e, atMs);
}

function onAnalytics(ctx: EngineContext, state: EngineState, e: CameraAnalytics, signals: Signal[]): void {
  const site = ctx.directory.get(e.cameraId);
  if (site === undefined) {
    state.unknownCameraEvents++;
    return;
  }
  const { rules } = ctx;
  const atMs = Date.parse(e.occurredAt);
  const region = siteRegion(site);
  singleEventOnCamera(rules.singleEvent['camera-analytics'], e, site, signals);
  if (rules.windows.length > 0 || rules.anomalies.length > 0) {
    const facts = analyticsFacts(e, site);
    const ev = { eventId: e.eventId, atMs, region, category: e.kind };
    windowOnEvent(rules.windows, 'camera-analytics', state.windows, facts, ev, signals);
    const anomalyCtx = { baseline: ctx.baseline, offsetMs: rules.calendar.offsetMs };
    anomalyOnEvent(rules.anomalies, 'camera-analytics', state.anomalies, anomalyCtx, facts, ev, signals);
  }
  hotspotOnAnalytics(state.hotspots, region, e.confidence, atMs);
}

function onStatus(ctx: EngineContext, state: EngineState, e: CameraStatus, signals: Signal[]): void {
  const site = ctx.directory.get(e.cameraId);
  if (site === undefined) {
    state.unknownCameraEvents++;
    return;
  }
  singleEventOnCamera(ctx.rules.singleEvent['camera-status'], e, site, signals);
  const rules = { shares: ctx.rules.offlineShares, dark: ctx.rules.darkSites };
  cameraStatusChanged(rules, state.cameras, { directory: ctx.directory, book: state.book }, e, site, signals);
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
  drain(ctx, state, signals, now, out, 0);
  const mark = out.length;
  settleAll(ctx, state.book, now, out);
  drain(ctx, state, [], now, out, mark);
  escalateDue(ctx, state.book, now, out);
  purgeResolved(ctx, state.book, now);
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
    const sig = signals[i++];
    if (sig === undefined) return;
    applySignal(ctx, state.book, sig, now, out);
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
