import { type ClockStatus, type RuleSetInput, type ServiceTier } from '@fengqiao/contracts';
import { compileCalendar, type WorkingCalendar } from '../time/working-calendar';
import { caseDeadlinesOf, type CaseDeadline } from './case-deadlines';

/** When a promise started at `startMs` falls due, on the rule set's working-day calendar. */
export function dueAtOf(calendar: WorkingCalendar, deadline: CaseDeadline, startMs: number): number {
  return calendar.dueAt(startMs, deadline.due);
}

/** When a case's clocks fall due under one rule set (its deadlines on its calendar), as epoch ms. */
export interface CaseDueTimes {
  /** Routing: due after the report. */
  routing(reportedMs: number): number;
  /** The tier's promise: due after its clock started (triage, or a reopening). */
  tier(tier: ServiceTier, startMs: number): number;
}

/** The due times producers stamp on case events (`dueAt`), read from a rule set. */
export function caseDueTimesOf(ruleSet: RuleSetInput): CaseDueTimes {
  const calendar = compileCalendar(ruleSet.calendar);
  const deadlines = caseDeadlinesOf(ruleSet);
  return {
    routing: (reportedMs) => dueAtOf(calendar, deadlines.routing, reportedMs),
    tier: (tier, startMs) => dueAtOf(calendar, deadlines.tiers[tier], startMs),
  };
}

/** Below this share of its window left, an open case is at risk (the cases list and the wall). */
export const AT_RISK_SHARE = 0.2;

/** A running or stopped clock: when it started, when it falls due, when (if) it stopped. */
export interface ClockInput {
  readonly startMs: number;
  readonly dueMs: number | null;
  readonly stoppedMs: number | null;
  readonly nowMs: number;
}

export interface ClockReading {
  readonly status: ClockStatus;
  /** Until due, from now (running) or from the stop (stopped); negative when late. */
  readonly timeLeftMs: number | null;
}

/** How a clock stands: on track, at risk (< 20 % of the window left), breached; met or missed once stopped. */
export function readClock(c: ClockInput): ClockReading {
  if (c.dueMs === null) return { status: 'none', timeLeftMs: null };
  if (c.stoppedMs !== null) {
    const left = c.dueMs - c.stoppedMs;
    return { status: left >= 0 ? 'met' : 'missed', timeLeftMs: left };
  }
  const left = c.dueMs - c.nowMs;
  if (left <= 0) return { status: 'breached', timeLeftMs: left };
  const window = Math.max(1, c.dueMs - c.startMs);
  return { status: left < window * AT_RISK_SHARE ? 'at-risk' : 'on-track', timeLeftMs: left };
}
