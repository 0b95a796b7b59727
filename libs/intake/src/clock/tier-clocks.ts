import {
  type ClockStatus,
  type DeadlineDue,
  type ServiceTier,
  type WorkingCalendarSpec,
} from '@fengqiao/contracts';
import { compileCalendar, DEFAULT_RULE_SET, type WorkingCalendar } from '@fengqiao/rules';

/** The working-day calendar the rules engine judges deadlines on; the case lists show the same. */
export const BAZHONG_CALENDAR_SPEC: WorkingCalendarSpec = DEFAULT_RULE_SET.calendar;

export function bazhongCalendar(): WorkingCalendar {
  return compileCalendar(BAZHONG_CALENDAR_SPEC);
}

/** domain.md: "within 1 working day every case is routed". */
export const ROUTING_WINDOW: DeadlineDue = { unit: 'working-days', count: 1 };

/**
 * Each tier's promise as a window from triage (domain.md), the same windows as the rules engine's
 * tier deadline rules (a spec compares them): on the spot and same day both end with the working
 * day; a major dispute's promise is a leader in charge, within 24 hours.
 */
export const TIER_WINDOWS: Readonly<Record<ServiceTier, DeadlineDue>> = {
  consultation: { unit: 'working-days', count: 0 },
  simple: { unit: 'working-days', count: 0 },
  general: { unit: 'working-days', count: 5 },
  complex: { unit: 'calendar-days', count: 61 },
  major: { unit: 'hours', count: 24 },
};

/** Below this share of its window left, an open case is at risk. */
export const AT_RISK_SHARE = 0.2;

export function routingDueAt(calendar: WorkingCalendar, reportedMs: number): number {
  return calendar.dueAt(reportedMs, ROUTING_WINDOW);
}

export function tierDueAt(calendar: WorkingCalendar, tier: ServiceTier, startMs: number): number {
  return calendar.dueAt(startMs, TIER_WINDOWS[tier]);
}

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
