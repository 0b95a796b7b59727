import { ESCALATION_LEVELS } from '@fengqiao/contracts';
import { type EngineContext } from '../context';
import { changeOf, isOpen, nextAlert, type AlertBook, type AlertEntry } from './alert-book';
import { type Decision } from './decisions';

/**
 * Tick: an unacknowledged red alert climbs one level (grid → township → county → city) each time
 * its acknowledgement timeout passes, re-notifying the next duty level. An acknowledged alert's
 * timer is its acknowledgement's expiry, so it cannot climb before that.
 */
export function escalateDue(ctx: EngineContext, book: AlertBook, now: number, out: Decision[]): void {
  for (const entry of book.byKey.values()) {
    if (entry.nextEscalationAt === undefined || entry.nextEscalationAt > now) continue;
    if (!isOpen(entry.alert.state) || !canClimb(entry, now)) {
      entry.nextEscalationAt = undefined;
      continue;
    }
    const level = ESCALATION_LEVELS.indexOf(entry.alert.escalationLevel);
    const next = ESCALATION_LEVELS[level + 1];
    if (next === undefined) {
      entry.nextEscalationAt = undefined;
      continue;
    }
    entry.alert = nextAlert(entry.alert, { state: 'escalated', escalationLevel: next }, now);
    entry.ackExpiresAt = undefined;
    entry.nextEscalationAt = next === 'city' ? undefined : now + ctx.rules.spec.escalation.ackTimeoutMs;
    out.push(changeOf(entry, 'escalated', true));
  }
}

function canClimb(entry: AlertEntry, now: number): boolean {
  switch (entry.alert.state) {
    case 'raised':
    case 'reopened':
    case 'escalated':
      return true;
    case 'acknowledged':
      return entry.ackExpiresAt !== undefined && entry.ackExpiresAt <= now;
    case 'dispatched':
    case 'silenced':
    case 'resolved':
    case 'closed':
      return false;
  }
}

/** Tick: forget resolved alerts once they can no longer be reopened (bounded memory). */
export function purgeResolved(ctx: EngineContext, book: AlertBook, now: number): void {
  const keep = ctx.rules.spec.reopenWithinMs;
  for (const [key, entry] of book.byKey) {
    if (isOpen(entry.alert.state) || entry.resolvedAtMs === undefined || now - entry.resolvedAtMs <= keep)
      continue;
    book.byKey.delete(key);
    book.byId.delete(entry.alert.alertId);
  }
}
