import {
  SERVICE_TIERS,
  type CaseEventType,
  type DeadlineDue,
  type RuleSetInput,
  type ServiceTier,
} from '@fengqiao/contracts';

type DeadlineRuleInput = Extract<RuleSetInput['rules'][number], { kind: 'deadline' }>;

/** The case step a deadline's clock starts on. */
export type ClockStart = DeadlineRuleInput['startOn'];
/** A case step that stops a deadline's clock. */
export type ClockStop = DeadlineRuleInput['stopOn'][number];

/** One promise made to a case: from which step, until which steps, within how long. */
export interface CaseDeadline {
  /** The deadline rule that states it; null when no rule of the set watches it (the fallback). */
  readonly ruleId: string | null;
  readonly startOn: ClockStart;
  readonly stopOn: readonly ClockStop[];
  readonly due: DeadlineDue;
}

/** The routing promise and each service tier's promise of one rule set. */
export interface CaseDeadlines {
  readonly routing: CaseDeadline;
  readonly tiers: Readonly<Record<ServiceTier, CaseDeadline>>;
}

/** The steps that finish a case: they stop every clock. */
export const FINISHING_STEPS: readonly ClockStop[] = ['resolved', 'closed'];

/**
 * 政策咨询 "answered on the spot" (domain.md). No rule of the default set watches it, so it is held
 * to the working day it is triaged, like every tier's clock, which starts when the tier is known.
 */
export const ON_THE_SPOT: CaseDeadline = {
  ruleId: null,
  startOn: 'triaged',
  stopOn: FINISHING_STEPS,
  due: { unit: 'working-days', count: 0 },
};

/** Every case is routed within 1 working day (domain.md); the fallback when a set has no `any` rule. */
export const ROUTING_WITHIN_ONE_WORKING_DAY: CaseDeadline = {
  ruleId: null,
  startOn: 'reported',
  stopOn: ['triaged', ...FINISHING_STEPS],
  due: { unit: 'working-days', count: 1 },
};

const deadlineOf = (rule: DeadlineRuleInput): CaseDeadline => ({
  ruleId: rule.id,
  startOn: rule.startOn,
  stopOn: rule.stopOn,
  due: rule.due,
});

/**
 * The promises of a rule set, read from its deadline rules (the first rule per tier; `any` is
 * routing). What the engine alerts on, the cases list shows, the KPI tiles and the reports measure
 * is this one reading of the active set.
 */
export function caseDeadlinesOf(ruleSet: RuleSetInput): CaseDeadlines {
  const rules = ruleSet.rules.filter((r): r is DeadlineRuleInput => r.kind === 'deadline');
  const find = (tier: ServiceTier | 'any'): DeadlineRuleInput | undefined =>
    rules.find((r) => r.tier === tier);
  const routingRule = find('any');
  const tiers = Object.fromEntries(
    SERVICE_TIERS.map((t) => {
      const rule = find(t);
      return [t, rule === undefined ? ON_THE_SPOT : deadlineOf(rule)];
    }),
  ) as Record<ServiceTier, CaseDeadline>;
  return {
    routing: routingRule === undefined ? ROUTING_WITHIN_ONE_WORKING_DAY : deadlineOf(routingRule),
    tiers,
  };
}

/** Whether a case event of `type` stops the clock of `deadline`. */
export function stopsClock(deadline: CaseDeadline, type: CaseEventType): boolean {
  return deadline.stopOn.some((s) => s === type);
}

/**
 * The events that stop some tier clock without finishing the case (a leader taking charge, an
 * escalation), sorted: what a reader of raw case events must look for besides resolved/closed.
 */
export function keepingEventsOf(deadlines: CaseDeadlines): ClockStop[] {
  const all = SERVICE_TIERS.flatMap((t) => deadlines.tiers[t].stopOn);
  return [...new Set(all.filter((s) => !FINISHING_STEPS.includes(s)))].sort();
}

/** A row of the SQL `case_clock_rules` table, which the cases projection reads. */
export interface CaseClockRuleRow {
  /** `routing` or a service tier. */
  readonly clock: 'routing' | ServiceTier;
  readonly ruleId: string | null;
  readonly startOn: ClockStart;
  readonly stopOn: readonly ClockStop[];
  readonly dueUnit: DeadlineDue['unit'];
  readonly dueCount: number;
}

/** The promises of a rule set as rows for the `case_clock_rules` table. */
export function caseClockRuleRows(deadlines: CaseDeadlines): CaseClockRuleRow[] {
  const row = (clock: CaseClockRuleRow['clock'], d: CaseDeadline): CaseClockRuleRow => ({
    clock,
    ruleId: d.ruleId,
    startOn: d.startOn,
    stopOn: d.stopOn,
    dueUnit: d.due.unit,
    dueCount: d.due.count,
  });
  return [row('routing', deadlines.routing), ...SERVICE_TIERS.map((t) => row(t, deadlines.tiers[t]))];
}
