import { type Alert, type CameraStatus } from '@fengqiao/contracts';
import { colourRank, isOpen, type AlertBook } from '../alerts/alert-book';
import { type Signal } from '../alerts/decisions';
import { distanceM, type CameraDirectory, type CameraSite } from '../directory/camera-directory';
import { type Compiled } from '../ruleset/compile';
import { activeSignal, colourZh, inactiveSignal, levelOf, thresholdsOf } from './signal';
import { siteRegion } from './single-event';

type ShareRule = Compiled<'camera-offline-share'>;
type DarkRule = Compiled<'dark-key-site'>;

/** Which cameras are dark, counted per township and county: O(cameras) booleans, no history. */
export interface CameraHealthState {
  /** Keyed by the directory's id string (hash cached), not the event's freshly parsed copy. */
  readonly offline: Set<string>;
  readonly offlineIn: Map<string, number>;
  /** township → dark cameras at key sites, the only ones an incident nearby can concern. */
  readonly darkKeySites: Map<string, Set<string>>;
  readonly hotShares: Set<string>;
}

export function createCameraHealth(): CameraHealthState {
  return { offline: new Set(), offlineIn: new Map(), darkKeySites: new Map(), hotShares: new Set() };
}

/** Kinds whose alerts are incidents (camera-health alerts are not: a dark camera is no incident). */
const INCIDENT_KINDS = new Set(['single-event', 'window-threshold', 'anomaly', 'repeat']);

/** Applies a status report; only a change between online and offline costs more than a lookup. */
export function cameraStatusChanged(
  rules: { shares: readonly ShareRule[]; dark: readonly DarkRule[] },
  state: CameraHealthState,
  ctx: { directory: CameraDirectory; book: AlertBook },
  e: CameraStatus,
  site: CameraSite,
  out: Signal[],
): void {
  const wasOffline = state.offline.has(site.cameraId);
  if (wasOffline === !e.online) return;
  const delta = e.online ? -1 : 1;
  if (e.online) state.offline.delete(site.cameraId);
  else state.offline.add(site.cameraId);
  for (const code of [site.township, site.county])
    state.offlineIn.set(code, (state.offlineIn.get(code) ?? 0) + delta);
  for (const rule of rules.shares) judgeShare(rule, state, ctx.directory, site, e.eventId, out);
  for (const rule of rules.dark) {
    if (!rule.siteTypes.includes(site.siteType)) continue;
    const dark = state.darkKeySites.get(site.township) ?? new Set<string>();
    state.darkKeySites.set(site.township, dark);
    if (e.online) {
      dark.delete(site.cameraId);
      out.push(inactiveSignal(rule, site.cameraId));
      continue;
    }
    dark.add(site.cameraId);
    for (const entry of ctx.book.openIn.get(site.township) ?? []) {
      if (isIncidentNear(rule, entry.alert, entry.labels.kind ?? '', site))
        out.push(darkSignal(rule, site, entry.alert, e.eventId));
    }
  }
}

function judgeShare(
  rule: ShareRule,
  state: CameraHealthState,
  dir: CameraDirectory,
  site: CameraSite,
  eventId: string,
  out: Signal[],
): void {
  const code = rule.region === 'township' ? site.township : site.county;
  const total = dir.countIn(code);
  if (total < rule.minCameras) return;
  const offline = state.offlineIn.get(code) ?? 0;
  const share = offline / total;
  const level = levelOf(rule.levels, share);
  const key = `${rule.id}|${code}`;
  if (level === undefined) {
    if (state.hotShares.delete(key)) out.push(inactiveSignal(rule, code));
    return;
  }
  state.hotShares.add(key);
  const region = rule.region === 'township' ? { county: site.county, township: code } : { county: code };
  out.push(
    activeSignal(rule, {
      subject: code,
      colour: level.colour,
      region,
      edge: false,
      summary: `${code} 共 ${total} 路摄像头，${offline} 路离线（${Math.round(share * 100)}%）`,
      evidence: [eventId],
      values: { offline, total, share: Math.round(share * 1000) / 1000 },
      thresholds: thresholdsOf(rule.levels),
    }),
  );
}

function isIncidentNear(rule: DarkRule, alert: Alert, kind: string, site: CameraSite): boolean {
  if (!isOpen(alert.state) || !INCIDENT_KINDS.has(kind) || alert.location === undefined) return false;
  if (colourRank(alert.colour) < colourRank(rule.incidentColour)) return false;
  return distanceM(alert.location, site.location) <= rule.radiusM;
}

function darkSignal(rule: DarkRule, site: CameraSite, incident: Alert, eventId: string): Signal {
  const d = incident.location === undefined ? 0 : Math.round(distanceM(incident.location, site.location));
  return activeSignal(rule, {
    subject: site.cameraId,
    colour: rule.colour,
    region: siteRegion(site),
    location: site.location,
    extraLabels: { cameraId: site.cameraId, siteType: site.siteType },
    edge: false,
    summary: `重点点位（${site.siteType}）摄像头离线，距未结${colourZh(incident.colour)}预警 ${incident.alertId} ${d} 米`,
    evidence: [eventId, ...incident.explanation.evidence.slice(0, 10)],
    values: { distanceM: d, incidentAlertId: incident.alertId, incidentColour: incident.colour },
    thresholds: { radiusM: rule.radiusM, incidentColour: rule.incidentColour },
  });
}

/** An incident opened near key sites that are already dark: raise for each of them. */
export function darkSitesNearIncident(
  rules: readonly DarkRule[],
  state: CameraHealthState,
  directory: CameraDirectory,
  alert: Alert,
  kind: string,
  out: Signal[],
): void {
  const township = alert.region.township;
  if (township === undefined) return;
  const dark = state.darkKeySites.get(township);
  if (dark === undefined || dark.size === 0) return;
  for (const rule of rules) {
    for (const id of dark) {
      const site = directory.get(id);
      if (
        site !== undefined &&
        rule.siteTypes.includes(site.siteType) &&
        isIncidentNear(rule, alert, kind, site)
      ) {
        out.push(darkSignal(rule, site, alert, alert.explanation.evidence[0] ?? alert.alertId));
      }
    }
  }
}
