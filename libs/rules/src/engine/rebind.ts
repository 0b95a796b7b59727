import { type CompiledRuleSet } from '../ruleset/compile';
import { type EngineState } from './state';

/**
 * After a rule-set swap, points the evaluator state at the new compiled rules by id, so counts,
 * hour totals and open deadlines survive a new version of a rule. A rule that is gone, or a
 * window whose geometry changed (its buckets would mean something else), drops its state.
 */
export function rebindRules(state: EngineState, rules: CompiledRuleSet): void {
  if (state.boundTo === rules) return;
  state.boundTo = rules;
  const windows = new Map(rules.windows.map((r) => [r.id, r]));
  for (const [key, cell] of state.windows) {
    const next = windows.get(cell.rule.id);
    if (next === undefined || next.windowMs !== cell.rule.windowMs || next.bucketMs !== cell.rule.bucketMs) {
      state.windows.delete(key);
    } else cell.rule = next;
  }
  const anomalies = new Map(rules.anomalies.map((r) => [r.id, r]));
  for (const [key, cell] of state.anomalies) {
    const next = anomalies.get(cell.rule.id);
    if (next === undefined || next.metric !== cell.rule.metric) state.anomalies.delete(key);
    else cell.rule = next;
  }
  const deadlines = new Map(rules.deadlines.map((r) => [r.id, r]));
  for (const [caseId, byRule] of state.deadlines) {
    for (const [ruleId, open] of byRule) {
      const next = deadlines.get(ruleId);
      if (next === undefined) byRule.delete(ruleId);
      else open.rule = next;
    }
    if (byRule.size === 0) state.deadlines.delete(caseId);
  }
}
