import { type CameraAnalytics, type CameraStatus, type CaseEvent } from '@fengqiao/contracts';
import { type Signal } from '../alerts/decisions';
import { type EngineContext } from '../context';
import { anomalyOnEvent } from '../evaluators/anomaly';
import { cameraStatusChanged } from '../evaluators/camera-health';
import { deadlineOnEvent } from '../evaluators/deadline';
import { regionOf, siteRegion, singleEventOnCamera, singleEventOnCase } from '../evaluators/single-event';
import { dedupKeyOf } from '../evaluators/signal';
import { windowOnEvent } from '../evaluators/window-threshold';
import { hotspotOnAnalytics, hotspotOnCase } from '../hotspots/hotspots';
import { analyticsFacts, caseFacts } from '../ruleset/facts';
import { type EngineState } from './state';

// What each kind of event does to the evaluators; the signals are the caller's to apply or drop.

export function onCase(ctx: EngineContext, state: EngineState, e: CaseEvent, signals: Signal[]): void {
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
  deadlineOnEvent(rules.deadlines, state.deadlines, rules.calendar, e, atMs, signals, state.caseTiers);
  hotspotOnCase(state.hotspots, rules.spec.hotspot, e, atMs);
}

export function onAnalytics(
  ctx: EngineContext,
  state: EngineState,
  e: CameraAnalytics,
  signals: Signal[],
): void {
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

export function onStatus(ctx: EngineContext, state: EngineState, e: CameraStatus, signals: Signal[]): void {
  const site = ctx.directory.get(e.cameraId);
  if (site === undefined) {
    state.unknownCameraEvents++;
    return;
  }
  singleEventOnCamera(ctx.rules.singleEvent['camera-status'], e, site, signals);
  // A camera back online no longer has the fault a held (inhibited) status alert was about.
  if (e.online) {
    for (const rule of ctx.rules.singleEvent['camera-status'])
      state.book.held.delete(dedupKeyOf(rule.id, site.cameraId));
  }
  const rules = { shares: ctx.rules.offlineShares, dark: ctx.rules.darkSites };
  cameraStatusChanged(rules, state.cameras, { directory: ctx.directory, book: state.book }, e, site, signals);
}
