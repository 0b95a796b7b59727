import { type RuleSetInput } from '@fengqiao/contracts';
import { caseDeadlinesOf, compileCalendar, FINISHING_STEPS } from '@fengqiao/domain';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { type CaseFact } from './report-input';

/** Judges cases against their tier's promise. */
export interface PromiseJudge {
  /** When the promise falls due; null for an untriaged case or one whose clock has not started. */
  readonly dueAt: (c: CaseFact) => number | null;
  /** When the promise was kept (the stop event), or null. */
  readonly keptAt: (c: CaseFact) => number | null;
}

/**
 * The tier promises of a rule set (@fengqiao/domain's reading of its deadline rules, the same the
 * engine, the cases list and the KPI tiles use) on its working-day calendar. A clock starts where
 * its rule says (every tier: at triage, when the tier is known); `CaseFact.assignedAt` holds the
 * first event that keeps a promise without finishing the case (a leader in charge, an escalation).
 */
export function promiseJudgeOf(ruleSet: RuleSetInput = DEFAULT_RULE_SET): PromiseJudge {
  const deadlines = caseDeadlinesOf(ruleSet);
  const calendar = compileCalendar(ruleSet.calendar);
  return {
    dueAt: (c) => {
      if (c.tier === null) return null;
      const d = deadlines.tiers[c.tier];
      const start = d.startOn === 'reported' ? c.reportedAt : c.triagedAt;
      return start === null ? null : calendar.dueAt(start, d.due);
    },
    keptAt: (c) => {
      if (c.tier === null) return null;
      const keptEarly = deadlines.tiers[c.tier].stopOn.some((s) => !FINISHING_STEPS.includes(s));
      return keptEarly ? (c.assignedAt ?? c.doneAt) : c.doneAt;
    },
  };
}
