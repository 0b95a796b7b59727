import { type RuleSetInput } from '@fengqiao/contracts';
import { caseDeadlinesOf, compileCalendar, type ClockStart, type ClockStop } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type CaseFact } from '../model/report-input';
import { type PromiseJudge } from '../model/tier-promises';

const startOf = (c: CaseFact, step: ClockStart): number | null =>
  step === 'reported' ? c.reportedAt : c.triagedAt;

function stopOf(c: CaseFact, step: ClockStop): number | null {
  switch (step) {
    case 'triaged':
      return c.triagedAt;
    case 'resolved':
    case 'closed':
      return c.doneAt;
    default:
      return c.assignedAt;
  }
}

/**
 * The routing promise ("within 1 working day every case is routed") of a rule set, read through
 * @fengqiao/domain like the KPI tile and the engine: its start step, its stop steps, its length on
 * the set's working-day calendar. Nothing here restates the promise.
 */
export function routingJudgeOf(ruleSet: RuleSetInput = DEFAULT_RULE_SET): PromiseJudge {
  const routing = caseDeadlinesOf(ruleSet).routing;
  const calendar = compileCalendar(ruleSet.calendar);
  return {
    dueAt: (c) => {
      const start = startOf(c, routing.startOn);
      return start === null ? null : calendar.dueAt(start, routing.due);
    },
    keptAt: (c) => {
      const stops = routing.stopOn.map((s) => stopOf(c, s)).filter((t): t is number => t !== null);
      return stops.length === 0 ? null : Math.min(...stops);
    },
  };
}
