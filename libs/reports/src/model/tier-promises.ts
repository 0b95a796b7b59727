import { type DeadlineDue, type RuleSetInput, SERVICE_TIERS, type ServiceTier } from '@fengqiao/contracts';
import { DEFAULT_RULE_SET, compileCalendar, type WorkingCalendar } from '@fengqiao/rules';
import { type CaseFact } from './report-input';

/** When a tier's clock starts and what stops it, read from the rule set's deadline rules. */
export interface TierPromise {
  readonly startOn: 'reported' | 'triaged';
  readonly stopOn: 'done' | 'assigned';
  readonly due: DeadlineDue;
}

const FINISHING: readonly string[] = ['resolved', 'closed'];

/**
 * Event types that stop a tier clock without finishing the case (a leader taking charge, an
 * escalation): the loader reads their first instant into `CaseFact.assignedAt`.
 */
export function clockStoppingEvents(ruleSet: RuleSetInput = DEFAULT_RULE_SET): string[] {
  const types = ruleSet.rules.flatMap((r) => (r.kind === 'deadline' && r.tier !== 'any' ? r.stopOn : []));
  return [...new Set(types.filter((t) => !FINISHING.includes(t)))].sort();
}

/** A policy consultation is "answered on the spot": done within the working day it was reported. */
const CONSULTATION: TierPromise = {
  startOn: 'reported',
  stopOn: 'done',
  due: { unit: 'working-days', count: 0 },
};

/** The promises of every tier; the deadlines are the rules engine's, so the report and the alerts agree. */
export function tierPromisesOf(ruleSet: RuleSetInput = DEFAULT_RULE_SET): Record<ServiceTier, TierPromise> {
  const entries = SERVICE_TIERS.map((tier): [ServiceTier, TierPromise] => {
    const rule = ruleSet.rules.find((r) => r.kind === 'deadline' && r.tier === tier);
    if (rule === undefined || rule.kind !== 'deadline') return [tier, CONSULTATION];
    return [
      tier,
      {
        startOn: rule.startOn === 'reported' ? 'reported' : 'triaged',
        stopOn: rule.stopOn.some((t) => !FINISHING.includes(t)) ? 'assigned' : 'done',
        due: rule.due,
      },
    ];
  });
  return Object.fromEntries(entries) as Record<ServiceTier, TierPromise>;
}

/** The working-day calendar of the rule set (weekends, public holidays, make-up workdays). */
export function calendarOf(ruleSet: RuleSetInput = DEFAULT_RULE_SET): WorkingCalendar {
  return compileCalendar(ruleSet.calendar);
}

/** Judges cases against their tier's promise. */
export interface PromiseJudge {
  /** When the promise falls due; null for an untriaged case or one whose clock has not started. */
  readonly dueAt: (c: CaseFact) => number | null;
  /** When the promise was kept (the stop event), or null. */
  readonly keptAt: (c: CaseFact) => number | null;
}

export function promiseJudge(
  promises: Record<ServiceTier, TierPromise>,
  calendar: WorkingCalendar,
): PromiseJudge {
  return {
    dueAt: (c) => {
      if (c.tier === null) return null;
      const p = promises[c.tier];
      const start = p.startOn === 'reported' ? c.reportedAt : c.triagedAt;
      return start === null ? null : calendar.dueAt(start, p.due);
    },
    keptAt: (c) => {
      if (c.tier === null) return null;
      return promises[c.tier].stopOn === 'assigned' ? (c.assignedAt ?? c.doneAt) : c.doneAt;
    },
  };
}
