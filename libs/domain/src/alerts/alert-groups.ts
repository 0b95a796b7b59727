import { type Alert, type AlertColour } from '@fengqiao/contracts';
import { MINUTE_MS } from '../time/city-clock';

/**
 * Alerts of one rule and one cause in one area, raised within a window of each other, form a group
 * (the engine's `groupKey` idea, kept for people: the wall and the console show one row per group).
 * A camera-offline storm collapses to one row per township and site type. A red alert is never
 * folded into a group: each red stands alone, so nobody overlooks it inside a blue row.
 */
export interface AlertGroup {
  /** Stable while the group lives: its key and the raise time of its first member. */
  readonly id: string;
  /** Rule, cause and area: what every member shares. */
  readonly key: string;
  readonly ruleId: string;
  /** The newest member's title. */
  readonly title: string;
  /** The values of the cause facts the rule compared (site type, analytics kind, category), or ''. */
  readonly cause: string;
  /** The affected area: the township, or the county when an alert names no township. */
  readonly area: { readonly county: string; readonly township?: string };
  readonly worst: AlertColour;
  readonly count: number;
  /** The newest member's raise time (ISO). */
  readonly newestAt: string;
  /** Worst colour first, then newest first. */
  readonly members: readonly Alert[];
}

/** A grouping asked for with a window that is not a duration. */
export class AlertGroupError extends Error {
  readonly code = 'ALERT_GROUP_WINDOW_INVALID';
}

/** Alerts of one key further apart than this start a new group (a session window). */
export const ALERT_GROUP_WINDOW_MS = 60 * MINUTE_MS;

/** The facts whose compared values say what caused an alert, in the order the key lists them. */
export const ALERT_CAUSE_FACTS = ['siteType', 'analyticsKind', 'category'] as const;

const RANK: Readonly<Record<AlertColour, number>> = { blue: 1, orange: 2, red: 3 };

/** The cause of an alert as its explanation recorded it ('' when the rule compared none). */
export function alertCauseOf(alert: Alert): string {
  // A stored row written by hand or before the contract may lack its values (a clean-clone CI's
  // shared database held one): it has no cause, and grouping every other alert goes on.
  const values: Alert['explanation']['values'] = alert.explanation.values ?? {};
  let cause = '';
  for (const f of ALERT_CAUSE_FACTS) {
    const v = values[f];
    if (v !== undefined) cause = cause === '' ? String(v) : `${cause}/${String(v)}`;
  }
  return cause;
}

/**
 * The group key of an alert: rule + cause + area; a red alert's key is its own (it stands alone).
 * The API checks that the members of a group command share one key with this same function.
 */
export function alertGroupKeyOf(alert: Alert): string {
  const area = alert.region.township ?? alert.region.county;
  const base = `${alert.ruleId}|${alertCauseOf(alert)}|${area}`;
  return alert.colour === 'red' ? `${base}|red:${alert.alertId}` : base;
}

// Plain string comparison: ISO instants of one format sort as text (localeCompare costs ~10x more,
// and the wall regroups on every change).
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRaised = (a: Alert, b: Alert): number => cmp(a.raisedAt, b.raisedAt);
const worstNewestFirst = (a: Alert, b: Alert): number =>
  RANK[b.colour] - RANK[a.colour] || cmp(b.raisedAt, a.raisedAt);

function groupOf(key: string, members: Alert[]): AlertGroup {
  const first = members[0] as Alert;
  const sorted = [...members].sort(worstNewestFirst);
  const newest = members.reduce((n, a) => (a.raisedAt > n.raisedAt ? a : n), first);
  const area =
    first.region.township === undefined
      ? { county: first.region.county }
      : { county: first.region.county, township: first.region.township };
  return {
    id: `${key}@${first.raisedAt}`,
    key,
    ruleId: first.ruleId,
    title: newest.title,
    cause: alertCauseOf(first),
    area,
    worst: (sorted[0] as Alert).colour,
    count: members.length,
    newestAt: newest.raisedAt,
    members: sorted,
  };
}

/** Splits one key's alerts (sorted by raise time) where the gap exceeds the window. */
function sessions(key: string, alerts: Alert[], windowMs: number): AlertGroup[] {
  const out: AlertGroup[] = [];
  let current: Alert[] = [];
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const a of alerts) {
    const ms = Date.parse(a.raisedAt);
    if (current.length > 0 && ms - lastMs > windowMs) {
      out.push(groupOf(key, current));
      current = [];
    }
    current.push(a);
    lastMs = ms;
  }
  if (current.length > 0) out.push(groupOf(key, current));
  return out;
}

/**
 * Groups alerts (any order) into rows: worst colour first, then the newest group first. Pure; the
 * caller decides which alerts count (the open ones, the ones in its scope).
 */
export function groupAlerts(alerts: Iterable<Alert>, windowMs = ALERT_GROUP_WINDOW_MS): AlertGroup[] {
  if (!(windowMs >= 0)) throw new AlertGroupError(`the group window must be >= 0 ms, not ${windowMs}`);
  const byKey = new Map<string, Alert[]>();
  for (const a of alerts) {
    const key = alertGroupKeyOf(a);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [a]);
    else list.push(a);
  }
  const groups = [...byKey].flatMap(([key, list]) => sessions(key, list.sort(byRaised), windowMs));
  return groups.sort(
    (a, b) => RANK[b.worst] - RANK[a.worst] || cmp(b.newestAt, a.newestAt) || cmp(a.id, b.id),
  );
}
