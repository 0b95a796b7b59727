import { type RuleSetInput, type Silence } from '@fengqiao/contracts';
import { compileSilences, type CompiledSilence } from './alerts/silences';
import { baselineFromSeries, type Baseline, type BaselineSeries } from './baseline/baseline';
import { type CameraDirectory } from './directory/camera-directory';
import { compileRuleSet, type CompiledRuleSet } from './ruleset/compile';

/**
 * Everything the engine reads but does not own: the active rule set, the camera directory, the
 * baselines and the silences. It is immutable; a rule change or a new silence is a new context
 * passed to the next `step` (an atomic swap, no restart, the window state is kept).
 */
export interface EngineContext {
  readonly rules: CompiledRuleSet;
  readonly directory: CameraDirectory;
  readonly baseline: Baseline;
  readonly silences: readonly CompiledSilence[];
}

/** Builds a context; throws RuleSetError (code RULE_SET_INVALID) when the rule set is invalid. */
export function createEngineContext(input: {
  ruleSet: RuleSetInput | CompiledRuleSet;
  directory: CameraDirectory;
  baseline?: Baseline | readonly BaselineSeries[];
  silences?: readonly Silence[];
}): EngineContext {
  const rules =
    'calendar' in input.ruleSet && 'singleEvent' in input.ruleSet
      ? input.ruleSet
      : compileRuleSet(input.ruleSet);
  const b = input.baseline ?? [];
  return {
    rules,
    directory: input.directory,
    baseline: Array.isArray(b) ? baselineFromSeries(b as readonly BaselineSeries[]) : (b as Baseline),
    silences: compileSilences(input.silences ?? []),
  };
}
