import { type CaseCategory, type RegionRef, type Routing, type RiskFlags } from '@fengqiao/contracts';
import { cityWeekdayHour, MINUTE_MS } from '@fengqiao/domain';

/** Local hours [from, to) of a day; `from > to` wraps past midnight (22 → 8 is the night). */
export interface HourRange {
  readonly from: number;
  readonly to: number;
}

/** What a rule looks at; every condition given must hold, an absent condition always holds. */
export interface RoutingConditions {
  readonly categories?: readonly CaseCategory[];
  /** County, township or village code prefixes. */
  readonly regionPrefixes?: readonly string[];
  /** Local weekdays, 0 = Sunday ... 6 = Saturday. */
  readonly weekdays?: readonly number[];
  readonly hours?: HourRange;
  /** Risk flags that must all be set. */
  readonly flags?: readonly ('violenceRisk' | 'extremeWords' | 'groupPetition')[];
  readonly minParties?: number;
}

/** One routing rule of an ordered table: the first rule whose conditions all hold wins. */
export interface RoutingRule {
  readonly id: string;
  readonly title: string;
  readonly when: RoutingConditions;
  readonly then: Routing;
}

/** What routing needs to know about a case. */
export interface RoutingInput {
  readonly category: CaseCategory;
  readonly region: Pick<RegionRef, 'county' | 'township'> & { readonly village?: string };
  readonly riskFlags?: Partial<RiskFlags>;
  readonly partiesCount?: number;
  /** The instant the case came in, epoch ms (rules may depend on local hour and weekday). */
  readonly atMs: number;
}

export interface RoutingMatch {
  readonly rule: RoutingRule;
  readonly routing: Routing;
}

function inHours(hour: number, range: HourRange): boolean {
  return range.from <= range.to
    ? hour >= range.from && hour < range.to
    : hour >= range.from || hour < range.to;
}

function regionMatches(prefixes: readonly string[], region: RoutingInput['region']): boolean {
  const code = region.village ?? region.township;
  return prefixes.some((p) => code.startsWith(p));
}

/** Whether every condition a rule states holds for a case. */
export function conditionsHold(
  when: RoutingConditions,
  input: RoutingInput,
  utcOffsetMinutes: number,
): boolean {
  const { weekday, hour } = cityWeekdayHour(input.atMs, utcOffsetMinutes * MINUTE_MS);
  if (when.categories !== undefined && !when.categories.includes(input.category)) return false;
  if (when.regionPrefixes !== undefined && !regionMatches(when.regionPrefixes, input.region)) return false;
  if (when.weekdays !== undefined && !when.weekdays.includes(weekday)) return false;
  if (when.hours !== undefined && !inHours(hour, when.hours)) return false;
  if (when.flags !== undefined && !when.flags.every((f) => input.riskFlags?.[f] === true)) return false;
  return when.minParties === undefined || (input.partiesCount ?? 1) >= when.minParties;
}

/**
 * The routing of the first rule that holds. A table must end with a rule without conditions, so
 * every case is routed (checked by `validateRoutingTable`); `undefined` means the table lacks it.
 */
export function suggestRouting(
  rules: readonly RoutingRule[],
  input: RoutingInput,
  utcOffsetMinutes: number,
): RoutingMatch | undefined {
  const rule = rules.find((r) => conditionsHold(r.when, input, utcOffsetMinutes));
  return rule === undefined ? undefined : { rule, routing: rule.then };
}

export type RoutingTableProblem =
  | { readonly code: 'EMPTY_TABLE' }
  | { readonly code: 'DUPLICATE_RULE_ID'; readonly index: number; readonly ruleId: string }
  /** A rule without conditions before the end: every rule after it is unreachable. */
  | { readonly code: 'CATCH_ALL_NOT_LAST'; readonly index: number; readonly ruleId: string }
  | { readonly code: 'NO_CATCH_ALL'; readonly index: number; readonly ruleId: string }
  | { readonly code: 'BAD_HOURS'; readonly index: number; readonly ruleId: string }
  | { readonly code: 'BAD_WEEKDAY'; readonly index: number; readonly ruleId: string }
  | { readonly code: 'BAD_REGION_PREFIX'; readonly index: number; readonly ruleId: string };

const isHour = (h: number): boolean => Number.isInteger(h) && h >= 0 && h <= 23;
const isCatchAll = (r: RoutingRule): boolean => Object.values(r.when).every((c) => c === undefined);
type ValueProblemCode = 'BAD_HOURS' | 'BAD_WEEKDAY' | 'BAD_REGION_PREFIX';

/** What is wrong with one rule's values, on its own (code tables are not parsed by the contract). */
function ruleValueProblems(r: RoutingRule): ValueProblemCode[] {
  const codes: ValueProblemCode[] = [];
  const h = r.when.hours;
  if (h !== undefined && !(isHour(h.from) && isHour(h.to) && h.from !== h.to)) codes.push('BAD_HOURS');
  if (r.when.weekdays?.some((d) => !(Number.isInteger(d) && d >= 0 && d <= 6))) codes.push('BAD_WEEKDAY');
  if (r.when.regionPrefixes?.some((p) => !/^\d{1,12}$/.test(p))) codes.push('BAD_REGION_PREFIX');
  return codes;
}

/**
 * Problems of a routing table, in rule order; empty when it is usable. A usable table has unique
 * rule ids, hours 0–23 (from ≠ to), weekdays 0–6, digit region prefixes, and exactly one rule
 * without conditions, the last: so every case is routed and no rule is dead.
 */
export function validateRoutingTable(rules: readonly RoutingRule[]): RoutingTableProblem[] {
  const problems: RoutingTableProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    const at = { index, ruleId: r.id };
    if (seen.has(r.id)) problems.push({ code: 'DUPLICATE_RULE_ID', ...at });
    seen.add(r.id);
    for (const code of ruleValueProblems(r)) problems.push({ code, ...at });
    if (isCatchAll(r) && index < rules.length - 1) problems.push({ code: 'CATCH_ALL_NOT_LAST', ...at });
  });
  const last = rules[rules.length - 1];
  if (last === undefined) problems.push({ code: 'EMPTY_TABLE' });
  else if (!isCatchAll(last))
    problems.push({ code: 'NO_CATCH_ALL', index: rules.length - 1, ruleId: last.id });
  return problems;
}
