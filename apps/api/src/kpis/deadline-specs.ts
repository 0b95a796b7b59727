import { type DeadlineDue, type RuleSetInput, SERVICE_TIERS } from '@fengqiao/contracts';
import {
  caseDeadlinesOf,
  compileCalendar,
  DAY_MS,
  HOUR_MS,
  type CaseDeadline,
  type CaseDeadlines,
  type WorkingCalendar,
} from '@fengqiao/domain';

/** One promise as the KPI SQL reads it: from which step, until which steps (facts columns). */
export type DeadlineSpec = CaseDeadline;

/** The promises of one rule set (@fengqiao/domain's reading) and its working-day calendar. */
export interface KpiDeadlines extends CaseDeadlines {
  readonly calendar: WorkingCalendar;
}

/**
 * The KPI tiles measure the same promises the warning rules watch: the deadline rules of a rule set
 * (the active one, see ActiveDeadlines), on its working-day calendar.
 */
export function deadlinesOf(ruleSet: RuleSetInput): KpiDeadlines {
  return { ...caseDeadlinesOf(ruleSet), calendar: compileCalendar(ruleSet.calendar) };
}

/** A fixed length in ms, or null for working days (those depend on the calendar, day by day). */
export function fixedMsOf(due: DeadlineDue): number | null {
  switch (due.unit) {
    case 'working-days':
      return null;
    case 'calendar-days':
      return due.count * DAY_MS;
    case 'hours':
      return due.count * HOUR_MS;
  }
}

/** The longest a promise can take to fall due after it starts (working days: room for holidays). */
export function lookbackMs(due: DeadlineDue): number {
  return fixedMsOf(due) ?? (due.count * 2 + 12) * DAY_MS;
}

/** How far before a window the tier query must look: the slowest tier's promise. */
export function maxTierLookbackMs(d: KpiDeadlines): number {
  return Math.max(...SERVICE_TIERS.map((t) => lookbackMs(d.tiers[t].due)));
}
