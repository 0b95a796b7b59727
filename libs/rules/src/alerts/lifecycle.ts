import { type Alert, type AlertChanged } from '@fengqiao/contracts';
import { type EngineContext } from '../context';
import { ALERT_TRANSITIONS, isAlertActionAllowed, isAlertUnacknowledged, isoOf } from '@fengqiao/domain';
import { changeOf, groupKeyOf, isOpen, nextAlert, type AlertBook, type AlertEntry } from './alert-book';
import { type AlertCommand, type Decision } from './decisions';
import { closeEntry } from './signals';

/**
 * A human transition, allowed by the one alert transition table of @fengqiao/domain. The command names the version its actor saw: if the alert moved on since
 * (an escalation tick, another officer), the command is refused rather than applied over it.
 */
export function applyCommand(
  ctx: EngineContext,
  book: AlertBook,
  cmd: AlertCommand,
  now: number,
  out: Decision[],
): void {
  const entry = book.byId.get(cmd.alertId);
  const refuse = {
    type: 'refused',
    alertId: cmd.alertId,
    command: cmd.kind,
    expectedVersion: cmd.expectedVersion,
  } as const;
  if (entry === undefined) {
    out.push({ ...refuse, code: 'ALERT_NOT_FOUND' });
    return;
  }
  const { version, state } = entry.alert;
  if (version !== cmd.expectedVersion) {
    out.push({ ...refuse, code: 'STALE_VERSION', actualVersion: version, actualState: state });
    return;
  }
  if (!isAlertActionAllowed(cmd.kind, state)) {
    out.push({ ...refuse, code: 'INVALID_TRANSITION', actualVersion: version, actualState: state });
    return;
  }
  transition(ctx, book, entry, cmd, now);
  const extra = { actor: cmd.actor, ...(cmd.note === undefined ? {} : { note: cmd.note }) };
  out.push(
    changeOf(
      entry,
      ALERT_TRANSITIONS[cmd.kind].to,
      false,
      cmd.kind === 'dispatch' ? { ...extra, note: cmd.department } : extra,
    ),
  );
}

function transition(
  ctx: EngineContext,
  book: AlertBook,
  entry: AlertEntry,
  cmd: AlertCommand,
  now: number,
): void {
  const at = isoOf(now);
  switch (cmd.kind) {
    case 'acknowledge': {
      entry.alert = nextAlert(entry.alert, { state: 'acknowledged', acknowledgedAt: at }, now);
      entry.ackExpiresAt = now + ctx.rules.spec.escalation.ackTtlMs;
      // Until the acknowledgement expires the alert does not climb; after it, it resumes.
      const red = entry.alert.colour === ctx.rules.spec.escalation.colour;
      entry.nextEscalationAt = red ? entry.ackExpiresAt : undefined;
      return;
    }
    case 'dispatch':
    case 'silence':
      entry.alert = nextAlert(entry.alert, { state: ALERT_TRANSITIONS[cmd.kind].to }, now);
      entry.nextEscalationAt = undefined;
      return;
    case 'resolve':
      entry.alert = nextAlert(entry.alert, { state: 'resolved', resolvedAt: at, outcome: cmd.outcome }, now);
      closeEntry(ctx, book, entry, now, 'drop');
      return;
    case 'close':
      entry.alert = nextAlert(entry.alert, { state: 'closed' }, now);
      return;
  }
}

/**
 * Adopts a change made elsewhere (the API acknowledged, or a restart replays the alerts table) when
 * it is newer than what the engine holds; an older or equal version is ignored, so replays are idempotent.
 */
export function adoptChange(
  ctx: EngineContext,
  book: AlertBook,
  change: AlertChanged,
  authoritative: boolean,
): void {
  const incoming = change.alert;
  const held = book.byId.get(incoming.alertId) ?? book.byKey.get(incoming.dedupKey);
  // The database is the arbiter: its row replaces ours even at an equal version (we lost a race).
  const newer = authoritative
    ? incoming.version >= (held?.alert.version ?? 0)
    : incoming.version > (held?.alert.version ?? 0);
  if (held !== undefined && held.alert.alertId === incoming.alertId && !newer) return;
  if (
    held !== undefined &&
    held.alert.alertId !== incoming.alertId &&
    held.alert.raisedAt > incoming.raisedAt
  )
    return;
  if (held !== undefined && held.alert.alertId !== incoming.alertId) book.byId.delete(held.alert.alertId);
  const entry = held ?? blankEntry(ctx, incoming);
  entry.alert = incoming;
  entry.labels = { ...entry.labels, colour: incoming.colour };
  deriveTimers(ctx, entry);
  if (!isOpen(incoming.state)) book.tracks.delete(incoming.dedupKey);
  book.byKey.set(incoming.dedupKey, entry);
  book.byId.set(incoming.alertId, entry);
  // Rare (human actions, restart): rebuild the inhibition index lazily on the next step.
  book.indexedFor = undefined;
}

function deriveTimers(ctx: EngineContext, entry: AlertEntry): void {
  const { alert } = entry;
  const policy = ctx.rules.spec.escalation;
  const updated = Date.parse(alert.updatedAt);
  entry.ackExpiresAt =
    alert.acknowledgedAt === undefined ? undefined : Date.parse(alert.acknowledgedAt) + policy.ackTtlMs;
  entry.resolvedAtMs = alert.resolvedAt === undefined ? undefined : Date.parse(alert.resolvedAt);
  const red = alert.colour === policy.colour;
  const climbing = isAlertUnacknowledged(alert.state);
  entry.nextEscalationAt =
    red && climbing
      ? updated + policy.ackTimeoutMs
      : red && alert.state === 'acknowledged'
        ? entry.ackExpiresAt
        : undefined;
}

/** Rebuilds the labels an alert had from what the alert itself carries (after a restart). */
function blankEntry(ctx: EngineContext, alert: Alert): AlertEntry {
  const subject = alert.dedupKey.slice(alert.ruleId.length + 1);
  const labels = {
    ruleId: alert.ruleId,
    colour: alert.colour,
    county: alert.region.county,
    township: alert.region.township ?? '',
    subject,
    place: subject.split('|')[0] ?? subject,
  };
  const rule = ctx.rules.byId.get(alert.ruleId);
  return {
    alert,
    labels: { ...labels, kind: rule?.kind ?? '' },
    groupKey: groupKeyOf(labels, rule?.groupBy ?? ['ruleId']),
    edge: rule?.kind === 'single-event' || rule?.kind === 'repeat',
    nextEscalationAt: undefined,
    ackExpiresAt: undefined,
    resolvedAtMs: undefined,
  };
}
