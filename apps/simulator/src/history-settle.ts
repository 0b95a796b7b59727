import { type CaseEvent } from '@fengqiao/contracts';
import { Prng } from '@fengqiao/geo';
import { uuidV5 } from './uuid-v5';

/** An open case whose deadline passed before the history's end (from the `cases` projection). */
export interface OverdueCase {
  readonly caseId: string;
  readonly channel: CaseEvent['channel'];
  readonly region: CaseEvent['region'];
  readonly dueAtMs: number;
}

/** How many overdue cases a fresh demo keeps open: a handful of red deadline alerts, not dozens. */
export const KEEP_OVERDUE_OPEN = 5;
const HOUR_MS = 3_600_000;
/**
 * Only cases that fell due this recently stay open: a handful late by hours or a day or two, not
 * weeks (with few overdue cases, the five most recently due once included one 11.7 days late).
 */
export const KEEP_OPEN_WITHIN_MS = 48 * HOUR_MS;

/**
 * The history ends mid-life for the cases in flight, and the live simulator does not carry them
 * on; those already past due would all stay open and red. Real centers close most late cases soon
 * after the deadline: each is resolved at a point between its due time and the history's end and
 * closed some hours later (less satisfied); the `keepOpen` most recently due stay open, if they
 * fell due within KEEP_OPEN_WITHIN_MS of the end.
 */
export function settleOverdue(
  overdue: readonly OverdueCase[],
  endMs: number,
  seed: number,
  keepOpen = KEEP_OVERDUE_OPEN,
): CaseEvent[] {
  const byDue = [...overdue].sort((a, b) => a.dueAtMs - b.dueAtMs || a.caseId.localeCompare(b.caseId));
  const recent = byDue.filter((c) => c.dueAtMs > endMs - KEEP_OPEN_WITHIN_MS).slice(-keepOpen);
  const open = new Set(recent.map((c) => c.caseId));
  return byDue.filter((c) => !open.has(c.caseId)).flatMap((c) => settle(c, endMs, seed));
}

function settle(c: OverdueCase, endMs: number, seed: number): CaseEvent[] {
  const rng = Prng.derive(seed, 'settle', c.caseId);
  const resolvedMs = Math.round(c.dueAtMs + (endMs - c.dueAtMs) * rng.range(0.05, 0.6));
  const closedMs = Math.min(endMs - 1, resolvedMs + Math.round(rng.range(1, 12) * HOUR_MS));
  const base = { schema: 'case.event.v1' as const, caseId: c.caseId, channel: c.channel, region: c.region };
  return [
    {
      ...base,
      eventId: uuidV5(`case/${c.caseId}/settled/resolved`),
      occurredAt: new Date(resolvedMs).toISOString(),
      type: 'resolved',
      outcome: rng.next() < 0.75 ? 'mediated' : 'referred',
    },
    {
      ...base,
      eventId: uuidV5(`case/${c.caseId}/settled/closed`),
      occurredAt: new Date(Math.max(closedMs, resolvedMs + 1)).toISOString(),
      type: 'closed',
      satisfaction: 2 + rng.int(3),
    },
  ];
}
