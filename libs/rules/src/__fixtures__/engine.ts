import { type RuleSetInput } from '@fengqiao/contracts';
import { type Decision } from '../alerts/decisions';
import { type BaselineSeries } from '../baseline/baseline';
import { createEngineContext, type EngineContext } from '../context';
import { DEFAULT_RULE_SET } from '../defaults/default-rule-set';
import { createEngineState, type EngineInput, type EngineState } from '../engine/state';
import { step } from '../engine/step';
import { smallDirectory } from './events';

/** A tiny harness: one context, one state, and every decision kept in order. */
export class Harness {
  readonly ctx: EngineContext;
  readonly state: EngineState = createEngineState();
  readonly decisions: Decision[] = [];

  constructor(
    opts: { ruleSet?: RuleSetInput; baseline?: readonly BaselineSeries[]; ctx?: EngineContext } = {},
  ) {
    this.ctx =
      opts.ctx ??
      createEngineContext({
        ruleSet: opts.ruleSet ?? DEFAULT_RULE_SET,
        directory: smallDirectory(),
        baseline: opts.baseline ?? [],
      });
  }

  feed(input: EngineInput, now: number): Decision[] {
    const { decisions } = step(this.ctx, this.state, input, now);
    this.decisions.push(...decisions);
    return decisions;
  }

  tick(now: number): Decision[] {
    return this.feed({ kind: 'tick' }, now);
  }

  /** `type ruleId colour` of each decision, for readable expectations. */
  static summary(ds: readonly Decision[]): string[] {
    return ds.map((d) =>
      d.type === 'suppressed'
        ? `suppressed ${d.ruleId} ${d.colour}`
        : d.type === 'refused'
          ? `refused ${d.code}`
          : `${d.type} ${d.alert.ruleId} ${d.alert.colour}`,
    );
  }
}

/** A rule set with only the named default rules (and the default policies). */
export function onlyRules(...ids: string[]): RuleSetInput {
  return { ...DEFAULT_RULE_SET, rules: DEFAULT_RULE_SET.rules.filter((r) => ids.includes(r.id)) };
}
