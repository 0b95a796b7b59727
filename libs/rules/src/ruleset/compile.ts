import { ruleSetSchema, type Rule, type RuleSet, type RuleSource } from '@fengqiao/contracts';
import { compileCalendar, type WorkingCalendar } from '@fengqiao/domain';
import { compileConditions, type CompiledConditions } from './conditions';
import { compileMatchers, type LabelPredicate } from './matchers';

type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;
/** A rule with its conditions compiled to closures once, at activation rather than per event. */
export type Compiled<K extends Rule['kind']> = RuleOf<K> & { readonly test: CompiledConditions };

export interface CompiledInhibition {
  readonly id: string;
  readonly source: LabelPredicate;
  readonly target: LabelPredicate;
  readonly equal: readonly string[];
}

/** A validated rule set, indexed by kind and source so each event meets only the rules that read it. */
export interface CompiledRuleSet {
  readonly spec: RuleSet;
  readonly singleEvent: Readonly<Record<RuleSource, readonly Compiled<'single-event'>[]>>;
  readonly windows: readonly Compiled<'window-threshold'>[];
  readonly anomalies: readonly Compiled<'anomaly'>[];
  readonly deadlines: readonly Compiled<'deadline'>[];
  readonly offlineShares: readonly Compiled<'camera-offline-share'>[];
  readonly darkSites: readonly Compiled<'dark-key-site'>[];
  readonly repeats: readonly Compiled<'repeat'>[];
  readonly inhibitions: readonly CompiledInhibition[];
  readonly calendar: WorkingCalendar;
  readonly byId: ReadonlyMap<string, Rule>;
}

/** Error codes of rule-set activation. */
export type RuleSetErrorCode = 'RULE_SET_INVALID';

/** Thrown when a rule set does not validate; `issues` are zod's, with paths into the document. */
export class RuleSetError extends Error {
  constructor(
    readonly code: RuleSetErrorCode,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`${code}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'RuleSetError';
  }
}

/** Validates a rule set (as parsed from JSON or YAML) without compiling it. */
export function parseRuleSet(input: unknown): RuleSet {
  const parsed = ruleSetSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new RuleSetError('RULE_SET_INVALID', issues);
  }
  return parsed.data;
}

const ofKind = <K extends Rule['kind']>(rules: readonly Rule[], kind: K): Compiled<K>[] =>
  rules
    .filter((r): r is RuleOf<K> => r.kind === kind && r.enabled)
    .map((r) => ({ ...r, test: compileConditions('when' in r ? r.when : []) }));

/** Validates and compiles a rule set; throws {@link RuleSetError} when it is invalid. */
export function compileRuleSet(input: unknown): CompiledRuleSet {
  const spec = parseRuleSet(input);
  const single = ofKind(spec.rules, 'single-event');
  return {
    spec,
    singleEvent: {
      case: single.filter((r) => r.source === 'case'),
      'camera-status': single.filter((r) => r.source === 'camera-status'),
      'camera-analytics': single.filter((r) => r.source === 'camera-analytics'),
    },
    windows: ofKind(spec.rules, 'window-threshold'),
    anomalies: ofKind(spec.rules, 'anomaly'),
    deadlines: ofKind(spec.rules, 'deadline'),
    offlineShares: ofKind(spec.rules, 'camera-offline-share'),
    darkSites: ofKind(spec.rules, 'dark-key-site'),
    repeats: ofKind(spec.rules, 'repeat'),
    inhibitions: spec.inhibitions.map((i) => ({
      id: i.id,
      source: compileMatchers(i.source),
      target: compileMatchers(i.target),
      equal: i.equal,
    })),
    calendar: compileCalendar(spec.calendar),
    byId: new Map(spec.rules.map((r) => [r.id, r])),
  };
}
