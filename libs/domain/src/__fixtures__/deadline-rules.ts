import { type RuleSetInput } from '@fengqiao/contracts';

type DeadlineRule = Extract<RuleSetInput['rules'][number], { kind: 'deadline' }>;

/** A deadline rule with only what the domain reads filled in meaningfully. */
export function deadlineRule(
  id: string,
  tier: DeadlineRule['tier'],
  stopOn: DeadlineRule['stopOn'],
  due: DeadlineRule['due'],
  startOn: DeadlineRule['startOn'] = 'triaged',
): DeadlineRule {
  return {
    id,
    version: 1,
    kind: 'deadline',
    title: id,
    purpose: id,
    tier,
    startOn,
    stopOn,
    due,
    levels: [{ colour: 'red', atLeast: 1 }],
  };
}

/** A rule set holding only deadline rules (shaped like the service tiers of docs/rules.md). */
export function deadlineRuleSet(rules: DeadlineRule[]): RuleSetInput {
  return { rules } as unknown as RuleSetInput;
}

/** The tiers of docs/rules.md: routing, same day, 5 working days, 61 calendar days, a leader in 24 h. */
export const TIER_RULE_SET = deadlineRuleSet([
  deadlineRule(
    'routing',
    'any',
    ['triaged', 'resolved', 'closed'],
    { unit: 'working-days', count: 1 },
    'reported',
  ),
  deadlineRule('simple', 'simple', ['resolved', 'closed'], { unit: 'working-days', count: 0 }),
  deadlineRule('general', 'general', ['resolved', 'closed'], { unit: 'working-days', count: 5 }),
  deadlineRule('complex', 'complex', ['resolved', 'closed'], { unit: 'calendar-days', count: 61 }),
  deadlineRule('major', 'major', ['leader-assigned', 'escalated', 'resolved', 'closed'], {
    unit: 'hours',
    count: 24,
  }),
]);
