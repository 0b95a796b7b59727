import { LIVE_RESUME_MARGIN, type Alert, type AlertChanged, type AlertColour } from '@fengqiao/contracts';
import { isAlertOpen, isAlertUnacknowledged } from '@fengqiao/domain';

/**
 * The alerts a screen knows, keyed by alert id, and the highest change seq seen (sent back on
 * reconnection so the server replays only what was missed). Pure and DOM-free.
 */
export interface AlertBook {
  readonly alerts: ReadonlyMap<string, Alert>;
  readonly lastSeq: number;
  /** Changes ignored because this or a newer version was already known (replays, redeliveries). */
  readonly duplicates: number;
  /**
   * The seq of the snapshot the book was last resynchronised from: every change at or below it is in
   * that snapshot, so a late copy of one (Kafka lagging behind the database) must not bring back an
   * alert the snapshot no longer lists.
   */
  readonly floorSeq: number;
  /**
   * The seqs shown within LIVE_RESUME_MARGIN below `lastSeq`, ascending: sent back with it on
   * reconnection, so the server also replays a lower seq that a lagging partition delivered while
   * the screen was away.
   */
  readonly recentSeqs: readonly number[];
  /**
   * Bumped whenever `alerts` changes (a change applied, a snapshot merged, a resync, an upsert):
   * what a screen that asks the server again after each live change keys on. `lastSeq` is not: a
   * change whose seq is below one already seen (its transaction committed later; a replay that
   * reached a higher seq first) is applied without moving it.
   */
  readonly revision: number;
}

/** A wall runs for days: at most this many alerts are kept (STYLE.md §13). */
export const ALERT_BOOK_CAPACITY = 500;

/*
 * Open and unacknowledged come from libs/domain (isAlertOpen / isAlertUnacknowledged), the one
 * definition the engine, the API and the SQL share: a silenced alert is open (it is counted and
 * listed) but taken on (it does not flash). A red alert flashes while nobody has taken it on.
 */

export const emptyBook = (): AlertBook => ({
  alerts: new Map(),
  lastSeq: 0,
  duplicates: 0,
  floorSeq: 0,
  recentSeqs: [],
  revision: 0,
});

/** `seqs` with `seq` added, ascending, keeping only those within the resume margin of `lastSeq`. */
function withRecent(seqs: readonly number[], seq: number, lastSeq: number): number[] {
  const kept = seqs.filter((s) => s > lastSeq - LIVE_RESUME_MARGIN && s !== seq);
  if (seq > lastSeq - LIVE_RESUME_MARGIN) kept.push(seq);
  return kept.sort((a, b) => a - b);
}

/** Drops terminal alerts first, oldest update first, then the oldest of the rest, down to `capacity`. */
function bounded(alerts: Map<string, Alert>, capacity: number): Map<string, Alert> {
  if (alerts.size <= capacity) return alerts;
  const victims = [...alerts.values()].sort((a, b) => {
    const ta = isAlertOpen(a.state) ? 1 : 0;
    const tb = isAlertOpen(b.state) ? 1 : 0;
    return ta - tb || a.updatedAt.localeCompare(b.updatedAt);
  });
  for (const v of victims.slice(0, alerts.size - capacity)) alerts.delete(v.alertId);
  return alerts;
}

/** Applies one streamed change; the same change twice, or an older one, leaves the book as it was. */
export function applyChange(
  book: AlertBook,
  change: AlertChanged,
  capacity = ALERT_BOOK_CAPACITY,
): AlertBook {
  const lastSeq = Math.max(book.lastSeq, change.seq);
  const recentSeqs = withRecent(book.recentSeqs, change.seq, lastSeq);
  const known = book.alerts.get(change.alert.alertId);
  if (change.seq <= book.floorSeq || (known !== undefined && known.version >= change.alert.version)) {
    return { ...book, lastSeq, recentSeqs, duplicates: book.duplicates + 1 };
  }
  const alerts = new Map(book.alerts);
  alerts.set(change.alert.alertId, change.alert);
  return { ...book, alerts: bounded(alerts, capacity), lastSeq, recentSeqs, revision: book.revision + 1 };
}

/**
 * The server could not replay what this screen missed and sent the open alerts as of `latestSeq`:
 * they replace the book (an alert resolved meanwhile is gone, not left flashing), and the screen
 * resumes from `latestSeq` (the server replays what came after it next).
 */
export function resync(
  book: AlertBook,
  snapshot: readonly Alert[],
  latestSeq: number,
  capacity = ALERT_BOOK_CAPACITY,
): AlertBook {
  const alerts = new Map(snapshot.map((a) => [a.alertId, a] as const));
  return {
    alerts: bounded(alerts, capacity),
    lastSeq: latestSeq,
    duplicates: book.duplicates,
    floorSeq: latestSeq,
    recentSeqs: [],
    revision: book.revision + 1,
  };
}

/** Merges a REST snapshot: per alert the higher version wins, so a racing live change is never undone. */
export function mergeSnapshot(
  book: AlertBook,
  snapshot: readonly Alert[],
  capacity = ALERT_BOOK_CAPACITY,
): AlertBook {
  const alerts = new Map(book.alerts);
  for (const a of snapshot) {
    const known = alerts.get(a.alertId);
    if (known === undefined || known.version < a.version) alerts.set(a.alertId, a);
  }
  return { ...book, alerts: bounded(alerts, capacity), revision: book.revision + 1 };
}

/** Replaces one alert with a newer version (e.g. a transition's answer); never goes backwards. */
export function upsertAlert(book: AlertBook, alert: Alert): AlertBook {
  const known = book.alerts.get(alert.alertId);
  if (known !== undefined && known.version >= alert.version) return book;
  const alerts = new Map(book.alerts);
  alerts.set(alert.alertId, alert);
  return { ...book, alerts, revision: book.revision + 1 };
}

const RANK: Record<AlertColour, number> = { red: 0, orange: 1, blue: 2 };

/** Open alerts, red first; within a colour the unacknowledged first, then the newest. */
export function openAlertsInOrder(alerts: Iterable<Alert>): Alert[] {
  return [...alerts]
    .filter((a) => isAlertOpen(a.state))
    .sort((a, b) => {
      const ua = isAlertUnacknowledged(a.state) ? 0 : 1;
      const ub = isAlertUnacknowledged(b.state) ? 0 : 1;
      return RANK[a.colour] - RANK[b.colour] || ua - ub || b.raisedAt.localeCompare(a.raisedAt);
    });
}

export function isFlashing(alert: Alert): boolean {
  return alert.colour === 'red' && isAlertUnacknowledged(alert.state);
}

export function countOpenByColour(alerts: Iterable<Alert>): Record<AlertColour, number> {
  const counts: Record<AlertColour, number> = { red: 0, orange: 0, blue: 0 };
  for (const a of alerts) if (isAlertOpen(a.state)) counts[a.colour] += 1;
  return counts;
}

/** "3:07", "1:02:33": the age counter of the ticker. */
export function formatAge(fromIso: string, nowMs: number): string {
  const total = Math.max(0, Math.floor((nowMs - Date.parse(fromIso)) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
