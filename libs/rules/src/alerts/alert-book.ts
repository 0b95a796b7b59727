import { type Alert, type AlertChangeKind, type AlertColour, type AlertState } from '@fengqiao/contracts';
import { type CompiledRuleSet } from '../ruleset/compile';
import { labelKey, type Labels } from '../ruleset/matchers';
import { isAlertOpen, isoOf } from '@fengqiao/domain';
import { type ActiveSignal, type Actor, type AlertChangeDecision } from './decisions';

/** One alert the engine tracks, with the timers derived from its state. */
export interface AlertEntry {
  alert: Alert;
  labels: Labels;
  groupKey: string;
  /** Raised by a single event: only a human resolves it. */
  edge: boolean;
  nextEscalationAt: number | undefined;
  ackExpiresAt: number | undefined;
  resolvedAtMs: number | undefined;
}

/** Pending period and hysteresis of one dedup key's level condition. */
export interface Track {
  pendingSince: number | undefined;
  clearingSince: number | undefined;
  last: ActiveSignal | undefined;
  clearAfterMs: number;
}

/** Times and evidence of recent alerts of one colour at one place (for repeat → red). */
export interface RepeatHistory {
  times: number[];
  evidence: string[];
}

/** A would-be alert an inhibition held back, kept so it can fire when the inhibiting alert clears. */
export interface HeldSignal {
  readonly sig: ActiveSignal;
  readonly heldAt: number;
}

/** At most this many held signals; the oldest is dropped first (bounded memory at 31,000 cameras). */
export const HELD_CAP = 50_000;

/** The alert half of the engine state. */
export interface AlertBook {
  readonly byKey: Map<string, AlertEntry>;
  readonly byId: Map<string, AlertEntry>;
  readonly tracks: Map<string, Track>;
  /** inhibition id → equal-labels key → number of open source alerts. */
  inhibitIndex: Map<string, Map<string, number>>;
  /** township → its open alerts: "an incident nearby" looks here, not through every alert. */
  openIn: Map<string, Set<AlertEntry>>;
  indexedFor: CompiledRuleSet | undefined;
  readonly repeats: Map<string, RepeatHistory>;
  /** dedup key → the signal an inhibition suppressed (latest one per key). */
  readonly held: Map<string, HeldSignal>;
  /**
   * Set when an alert closed while signals were held; they are re-judged before the step ends.
   * `fire`: the engine saw the inhibiting condition end, so held alerts that are no longer inhibited
   * fire. `drop`: a person resolved it, which covers what it held back, so those are forgotten.
   */
  releaseDue: 'none' | 'fire' | 'drop';
}

export function createAlertBook(): AlertBook {
  return {
    byKey: new Map(),
    byId: new Map(),
    tracks: new Map(),
    inhibitIndex: new Map(),
    openIn: new Map(),
    indexedFor: undefined,
    repeats: new Map(),
    held: new Map(),
    releaseDue: 'none',
  };
}

const COLOUR_RANK: Readonly<Record<AlertColour, number>> = { blue: 1, orange: 2, red: 3 };
export const colourRank = (c: AlertColour): number => COLOUR_RANK[c];

/** @fengqiao/domain's reading of an open alert (silenced included). */
export const isOpen = (state: AlertState): boolean => isAlertOpen(state);

/** Bumps the version: every transition, engine-made or human, is one version. */
export function nextAlert(alert: Alert, patch: Partial<Alert>, now: number): Alert {
  return { ...alert, ...patch, version: alert.version + 1, updatedAt: isoOf(now) };
}

export function changeOf(
  entry: AlertEntry,
  type: AlertChangeKind,
  notify: boolean,
  extra: { actor?: Actor; note?: string } = {},
): AlertChangeDecision {
  const base = { alert: entry.alert, notify, groupKey: entry.groupKey, labels: entry.labels };
  return { type, ...base, ...extra };
}

export function groupKeyOf(labels: Labels, groupBy: readonly string[]): string {
  return `${groupBy.join(',')}=${labelKey(labels, groupBy)}`;
}

/** Keeps the inhibition index in step with open alerts (+1 when one opens, -1 when it closes). */
export function indexInhibitions(
  book: AlertBook,
  rules: CompiledRuleSet,
  labels: Labels,
  delta: 1 | -1,
): void {
  for (const inh of rules.inhibitions) {
    if (!inh.source(labels)) continue;
    let byKey = book.inhibitIndex.get(inh.id);
    if (byKey === undefined) book.inhibitIndex.set(inh.id, (byKey = new Map<string, number>()));
    const key = labelKey(labels, inh.equal);
    const n = (byKey.get(key) ?? 0) + delta;
    if (n > 0) byKey.set(key, n);
    else byKey.delete(key);
  }
}

/** Keeps the township → open alerts index in step. */
export function indexOpen(book: AlertBook, entry: AlertEntry, open: boolean): void {
  const township = entry.alert.region.township ?? entry.alert.region.county;
  let set = book.openIn.get(township);
  if (open) {
    if (set === undefined) book.openIn.set(township, (set = new Set()));
    set.add(entry);
  } else if (set !== undefined) {
    set.delete(entry);
    if (set.size === 0) book.openIn.delete(township);
  }
}

/** After a rule-set swap the inhibitions may differ: rebuild the index from the open alerts. */
export function reindexIfSwapped(book: AlertBook, rules: CompiledRuleSet): void {
  if (book.indexedFor === rules) return;
  book.inhibitIndex = new Map();
  book.openIn = new Map();
  for (const e of book.byKey.values()) {
    if (!isOpen(e.alert.state)) continue;
    indexInhibitions(book, rules, e.labels, 1);
    indexOpen(book, e, true);
  }
  book.indexedFor = rules;
}

/** The inhibition, if any, that holds back an alert with these labels. */
export function inhibitorOf(book: AlertBook, rules: CompiledRuleSet, labels: Labels): string | undefined {
  for (const inh of rules.inhibitions) {
    if (!inh.target(labels)) continue;
    // Called before the alert opens, so its own labels are not in the index yet.
    if ((book.inhibitIndex.get(inh.id)?.get(labelKey(labels, inh.equal)) ?? 0) > 0) return inh.id;
  }
  return undefined;
}
