import { type Silence } from '@fengqiao/contracts';
import { compileMatchers, type LabelPredicate, type Labels } from '../ruleset/matchers';

/** A silence ready to test: matchers compiled, window in epoch ms. */
export interface CompiledSilence {
  readonly id: string;
  readonly matches: LabelPredicate;
  readonly startsMs: number;
  readonly endsMs: number;
}

export function compileSilences(silences: readonly Silence[]): CompiledSilence[] {
  return silences.map((s) => ({
    id: s.id,
    matches: compileMatchers(s.matchers),
    startsMs: Date.parse(s.startsAt),
    endsMs: Date.parse(s.endsAt),
  }));
}

/** The silence muting these labels at `now` (start inclusive, end exclusive), if any. */
export function silenceOf(
  silences: readonly CompiledSilence[],
  labels: Labels,
  now: number,
): string | undefined {
  for (const s of silences) if (now >= s.startsMs && now < s.endsMs && s.matches(labels)) return s.id;
  return undefined;
}
