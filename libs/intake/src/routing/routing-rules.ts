import { type CaseCategory, type RegionRef, type Routing, type RiskFlags } from '@fengqiao/contracts';

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

/** Local time parts of an instant at a fixed UTC offset. */
export function localTimeOf(atMs: number, utcOffsetMinutes: number): { weekday: number; hour: number } {
  const local = new Date(atMs + utcOffsetMinutes * 60_000);
  return { weekday: local.getUTCDay(), hour: local.getUTCHours() };
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
  const { weekday, hour } = localTimeOf(input.atMs, utcOffsetMinutes);
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
  | { readonly code: 'DUPLICATE_RULE_ID'; readonly ruleId: string }
  | { readonly code: 'NO_CATCH_ALL' }
  | { readonly code: 'BAD_HOURS'; readonly ruleId: string };

/** Problems of a routing table; empty when it is usable. */
export function validateRoutingTable(rules: readonly RoutingRule[]): RoutingTableProblem[] {
  const problems: RoutingTableProblem[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) problems.push({ code: 'DUPLICATE_RULE_ID', ruleId: r.id });
    seen.add(r.id);
    const h = r.when.hours;
    if (h !== undefined && !(h.from >= 0 && h.from < 24 && h.to >= 0 && h.to <= 24 && h.from !== h.to)) {
      problems.push({ code: 'BAD_HOURS', ruleId: r.id });
    }
  }
  const last = rules[rules.length - 1];
  if (last === undefined || Object.keys(last.when).length > 0) problems.push({ code: 'NO_CATCH_ALL' });
  return problems;
}
