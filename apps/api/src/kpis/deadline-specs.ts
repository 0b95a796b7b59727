import { type DeadlineDue, type RuleSetInput, SERVICE_TIERS, type ServiceTier } from '@fengqiao/contracts';
import { compileCalendar, DAY_MS, type WorkingCalendar } from '@fengqiao/rules';

/** A case step whose first instant case_kpi_facts keeps (a column `<step>_at`). */
export type CaseStep =
  'reported' | 'triaged' | 'assigned' | 'leader-assigned' | 'escalated' | 'resolved' | 'closed';

/** One promise: from which step, until which steps, within how long. */
export interface DeadlineSpec {
  readonly startOn: CaseStep;
  readonly stopOn: readonly CaseStep[];
  readonly due: DeadlineDue;
}

export interface KpiDeadlines {
  readonly routing: DeadlineSpec;
  readonly tiers: Readonly<Record<ServiceTier, DeadlineSpec>>;
  readonly calendar: WorkingCalendar;
}

/** 政策咨询 is "answered on the spot": no rule watches it, so it is held to the day it is triaged. */
const ON_THE_DAY: DeadlineSpec = {
  startOn: 'triaged',
  stopOn: ['resolved', 'closed'],
  due: { unit: 'working-days', count: 0 },
};
const ROUTING: DeadlineSpec = {
  startOn: 'reported',
  stopOn: ['triaged', 'resolved', 'closed'],
  due: { unit: 'working-days', count: 1 },
};
const STEPS: readonly CaseStep[] = [
  'reported',
  'triaged',
  'assigned',
  'leader-assigned',
  'escalated',
  'resolved',
  'closed',
];
const asStep = (s: string): CaseStep | undefined => STEPS.find((x) => x === s);

/**
 * The KPI tiles measure the same promises the warning rules watch: the deadline rules of a rule set
 * (the default one unless told), on its working-day calendar.
 */
export function deadlinesOf(ruleSet: RuleSetInput): KpiDeadlines {
  const specs = new Map<string, DeadlineSpec>();
  for (const rule of ruleSet.rules) {
    if (rule.kind !== 'deadline') continue;
    const startOn = asStep(rule.startOn);
    const stopOn = rule.stopOn.map(asStep).filter((s): s is CaseStep => s !== undefined);
    if (startOn !== undefined) specs.set(rule.tier, { startOn, stopOn, due: rule.due });
  }
  const tiers = Object.fromEntries(SERVICE_TIERS.map((t) => [t, specs.get(t) ?? ON_THE_DAY])) as Record<
    ServiceTier,
    DeadlineSpec
  >;
  const routing = specs.get('any') ?? ROUTING;
  return { routing, tiers, calendar: compileCalendar(ruleSet.calendar) };
}

/** A fixed length in ms, or null for working days (those depend on the calendar, day by day). */
export function fixedMsOf(due: DeadlineDue): number | null {
  switch (due.unit) {
    case 'working-days':
      return null;
    case 'calendar-days':
      return due.count * DAY_MS;
    case 'hours':
      return due.count * 3_600_000;
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
