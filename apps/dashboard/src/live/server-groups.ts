import { type Alert, type AlertGroupView } from '@fengqiao/contracts';

/**
 * The API's groups (counted over every open alert in scope) with the newer versions this screen
 * already holds (a live change, an officer's own pending action) put in place of the members and
 * member versions the answer carried, until the next answer. Pure and DOM-free.
 */
export function overlayGroups(
  groups: readonly AlertGroupView[],
  latest: (alertId: string) => Alert | undefined,
): AlertGroupView[] {
  return groups.map((g) => {
    let changed = false;
    const newer = <T extends { alertId: string; version: number }>(m: T): T | Alert => {
      const l = latest(m.alertId);
      if (l === undefined || l.version <= m.version) return m;
      changed = true;
      return l;
    };
    const members = g.members.map((m) => newer<Alert>(m));
    const memberRefs = g.memberRefs.map((r) => {
      const n = newer(r);
      return n === r ? r : { alertId: r.alertId, version: n.version };
    });
    return changed ? { ...g, members, memberRefs } : g;
  });
}

/** A member of one of the groups, as sent in full (undefined when only referenced or absent). */
export function memberOf(groups: readonly AlertGroupView[], alertId: string): Alert | undefined {
  for (const g of groups) {
    const m = g.members.find((a) => a.alertId === alertId);
    if (m !== undefined) return m;
  }
  return undefined;
}

/** The member lists of a group command: at most `max` members per request, in order. */
export function chunksOf<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += max) out.push(items.slice(i, i + max));
  return out;
}

/**
 * When to ask for the groups again after a live change: `waitMs` after the last change, but never
 * more than `maxWaitMs` after the first unanswered one (a storm streaming in still refreshes).
 */
export function refetchDelay(
  nowMs: number,
  firstPendingMs: number,
  waitMs: number,
  maxWaitMs: number,
): number {
  return Math.max(0, Math.min(waitMs, firstPendingMs + maxWaitMs - nowMs));
}
