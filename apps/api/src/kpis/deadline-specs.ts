import { type RuleSetInput } from '@fengqiao/contracts';
import {
  caseDeadlinesOf,
  compileCalendar,
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
