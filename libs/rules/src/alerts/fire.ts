import { type Alert } from '@fengqiao/contracts';
import { type EngineContext } from '../context';
import { isAlertUnacknowledged, isoOf } from '@fengqiao/domain';
import { alertIdOf } from './alert-id';
import {
  changeOf,
  colourRank,
  groupKeyOf,
  indexInhibitions,
  HELD_CAP,
  indexOpen,
  inhibitorOf,
  isOpen,
  nextAlert,
  type AlertBook,
  type AlertEntry,
} from './alert-book';
import { type ActiveSignal, type Decision } from './decisions';
import { silenceOf } from './silences';

/** Opens an alert for a signal whose condition held long enough: raise, reopen, silence or suppress. */
export function fire(
  ctx: EngineContext,
  book: AlertBook,
  sig: ActiveSignal,
  now: number,
  out: Decision[],
): void {
  const inhibitionId = inhibitorOf(book, ctx.rules, sig.labels);
  if (inhibitionId !== undefined) {
    const { dedupKey, ruleId, ruleVersion, colour, explanation } = sig;
    hold(book, sig, now);
    out.push({
      type: 'suppressed',
      reason: 'inhibited',
      dedupKey,
      ruleId,
      ruleVersion,
      colour,
      inhibitionId,
      explanation,
    });
    return;
  }
  const silenced = silenceOf(ctx.silences, sig.labels, now) !== undefined;
  const prev = book.byKey.get(sig.dedupKey);
  const reopen = prev?.resolvedAtMs !== undefined && now - prev.resolvedAtMs <= ctx.rules.spec.reopenWithinMs;
  const entry =
    reopen && prev !== undefined ? reopened(prev, sig, silenced, now) : raised(sig, silenced, now);
  if (prev !== undefined && prev.alert.alertId !== entry.alert.alertId) book.byId.delete(prev.alert.alertId);
  book.byKey.set(sig.dedupKey, entry);
  book.byId.set(entry.alert.alertId, entry);
  indexInhibitions(book, ctx.rules, entry.labels, 1);
  indexOpen(book, entry, true);
  armEscalation(ctx, entry, now);
  out.push(changeOf(entry, silenced ? 'silenced' : reopen ? 'reopened' : 'raised', !silenced));
}

function hold(book: AlertBook, sig: ActiveSignal, now: number): void {
  book.held.delete(sig.dedupKey);
  if (book.held.size >= HELD_CAP) {
    const oldest = book.held.keys().next();
    if (oldest.done !== true) book.held.delete(oldest.value);
  }
  book.held.set(sig.dedupKey, { sig, heldAt: now });
}

/**
 * An alert closed: held signals whose inhibitor no longer holds fire now (a district outage that
 * ends leaves the cameras still dark at key sites alerting). Those still inhibited stay held.
 */
export function releaseHeld(ctx: EngineContext, book: AlertBook, now: number, out: Decision[]): void {
  const mode = book.releaseDue;
  book.releaseDue = 'none';
  for (const [key, held] of [...book.held]) {
    if (inhibitorOf(book, ctx.rules, held.sig.labels) !== undefined) continue;
    book.held.delete(key);
    const entry = book.byKey.get(key);
    if (mode === 'drop' || (entry !== undefined && isOpen(entry.alert.state))) continue;
    fire(ctx, book, held.sig, now, out);
  }
}

/** Tick: forget held signals older than the reopen period (nobody acts on a days-old suppression). */
export function purgeHeld(ctx: EngineContext, book: AlertBook, now: number): void {
  for (const [key, held] of book.held) {
    if (now - held.heldAt > ctx.rules.spec.reopenWithinMs) book.held.delete(key);
  }
}

function fields(
  sig: ActiveSignal,
): Pick<Alert, 'ruleId' | 'ruleVersion' | 'colour' | 'title' | 'explanation'> {
  return {
    ruleId: sig.ruleId,
    ruleVersion: sig.ruleVersion,
    colour: sig.colour,
    title: sig.title,
    explanation: sig.explanation,
  };
}

function raised(sig: ActiveSignal, silenced: boolean, now: number): AlertEntry {
  const at = isoOf(now);
  const alert: Alert = {
    alertId: alertIdOf(`${sig.dedupKey}@${now}`),
    dedupKey: sig.dedupKey,
    ...fields(sig),
    state: silenced ? 'silenced' : 'raised',
    version: 1,
    region: sig.region,
    escalationLevel: 'grid',
    raisedAt: at,
    updatedAt: at,
  };
  if (sig.location !== undefined) alert.location = sig.location;
  return entryOf(alert, sig);
}

function reopened(prev: AlertEntry, sig: ActiveSignal, silenced: boolean, now: number): AlertEntry {
  const { acknowledgedAt: _a, resolvedAt: _r, outcome: _o, ...rest } = prev.alert;
  const patch = {
    ...fields(sig),
    state: silenced ? 'silenced' : 'reopened',
    escalationLevel: 'grid',
  } as const;
  return entryOf(nextAlert(rest, patch, now), sig);
}

function entryOf(alert: Alert, sig: ActiveSignal): AlertEntry {
  return {
    alert,
    labels: sig.labels,
    groupKey: groupKeyOf(sig.labels, sig.groupBy),
    edge: sig.edge,
    nextEscalationAt: undefined,
    ackExpiresAt: undefined,
    resolvedAtMs: undefined,
  };
}

/** A red alert starts its acknowledgement clock when it opens or turns red. */
export function armEscalation(ctx: EngineContext, entry: AlertEntry, now: number): void {
  const policy = ctx.rules.spec.escalation;
  const s = entry.alert.state;
  const climbing = isAlertUnacknowledged(s);
  if (entry.alert.colour === policy.colour && climbing && entry.nextEscalationAt === undefined) {
    entry.nextEscalationAt = now + policy.ackTimeoutMs;
  }
}

/** A re-trigger of an open alert: only a colour rise is a change (dedup: no repeated notification). */
export function retrigger(
  ctx: EngineContext,
  book: AlertBook,
  entry: AlertEntry,
  sig: ActiveSignal,
  now: number,
  out: Decision[],
): void {
  if (colourRank(sig.colour) <= colourRank(entry.alert.colour)) return;
  indexInhibitions(book, ctx.rules, entry.labels, -1);
  entry.alert = nextAlert(entry.alert, fields(sig), now);
  entry.labels = sig.labels;
  indexInhibitions(book, ctx.rules, entry.labels, 1);
  armEscalation(ctx, entry, now);
  out.push(changeOf(entry, 'updated', true));
}
