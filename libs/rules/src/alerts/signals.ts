import { type EngineContext } from '../context';
import { isoOf } from '@fengqiao/domain';
import {
  changeOf,
  indexInhibitions,
  indexOpen,
  isOpen,
  nextAlert,
  type AlertBook,
  type AlertEntry,
  type Track,
} from './alert-book';
import { type Decision, type Signal } from './decisions';
import { fire, retrigger } from './fire';

/**
 * Applies one evaluator observation. Level conditions pass a pending period before they fire and a
 * hysteresis period before they clear, so a value hovering at a threshold does not flap.
 */
export function applySignal(
  ctx: EngineContext,
  book: AlertBook,
  sig: Signal,
  now: number,
  out: Decision[],
): void {
  const entry = book.byKey.get(sig.dedupKey);
  const open = entry !== undefined && isOpen(entry.alert.state);
  if (sig.active) {
    if (open) {
      book.tracks.delete(sig.dedupKey);
      retrigger(ctx, book, entry, sig, now, out);
    } else if (sig.edge || sig.pendingMs === 0) {
      book.tracks.delete(sig.dedupKey);
      fire(ctx, book, sig, now, out);
    } else {
      const t = trackOf(book, sig.dedupKey, sig.clearAfterMs);
      t.last = sig;
      t.clearingSince = undefined;
      t.pendingSince ??= now;
      settle(ctx, book, sig.dedupKey, t, now, out);
    }
    return;
  }
  // The condition went away: a suppressed alert for it must not fire when its inhibitor clears.
  book.held.delete(sig.dedupKey);
  if (!open || entry.edge) {
    book.tracks.delete(sig.dedupKey);
    return;
  }
  const t = trackOf(book, sig.dedupKey, sig.clearAfterMs);
  t.pendingSince = undefined;
  t.clearingSince ??= now;
  settle(ctx, book, sig.dedupKey, t, now, out);
}

function trackOf(book: AlertBook, key: string, clearAfterMs: number): Track {
  let t = book.tracks.get(key);
  if (t === undefined) {
    t = { pendingSince: undefined, clearingSince: undefined, last: undefined, clearAfterMs };
    book.tracks.set(key, t);
  }
  return t;
}

/** Fires or clears a track whose period has elapsed; called on signals and on ticks. */
export function settle(
  ctx: EngineContext,
  book: AlertBook,
  key: string,
  t: Track,
  now: number,
  out: Decision[],
): void {
  if (t.pendingSince !== undefined && t.last !== undefined && now - t.pendingSince >= t.last.pendingMs) {
    book.tracks.delete(key);
    fire(ctx, book, t.last, now, out);
  } else if (t.clearingSince !== undefined && now - t.clearingSince >= t.clearAfterMs) {
    book.tracks.delete(key);
    const entry = book.byKey.get(key);
    if (entry !== undefined && isOpen(entry.alert.state)) autoResolve(ctx, book, entry, now, out);
  }
}

/** The condition went away: the engine resolves its own alert (no human outcome). */
function autoResolve(
  ctx: EngineContext,
  book: AlertBook,
  entry: AlertEntry,
  now: number,
  out: Decision[],
): void {
  entry.alert = nextAlert(entry.alert, { state: 'resolved', resolvedAt: isoOf(now) }, now);
  closeEntry(ctx, book, entry, now, 'fire');
  out.push(changeOf(entry, 'resolved', false));
}

/** Bookkeeping shared by every path that ends an alert. */
export function closeEntry(
  ctx: EngineContext,
  book: AlertBook,
  entry: AlertEntry,
  now: number,
  release: 'fire' | 'drop',
): void {
  entry.resolvedAtMs = now;
  entry.nextEscalationAt = undefined;
  entry.ackExpiresAt = undefined;
  indexInhibitions(book, ctx.rules, entry.labels, -1);
  indexOpen(book, entry, false);
  book.tracks.delete(entry.alert.dedupKey);
  if (book.held.size > 0 && book.releaseDue !== 'fire') book.releaseDue = release;
}

/** Tick: fire pending conditions and clear cleared ones whose period elapsed. */
export function settleAll(ctx: EngineContext, book: AlertBook, now: number, out: Decision[]): void {
  for (const [key, t] of [...book.tracks]) settle(ctx, book, key, t, now, out);
}
