import { type Silence } from '@fengqiao/contracts';
import { compileMatchers, type LabelPredicate, type Labels } from '../ruleset/matchers';

/** A silence ready to test: matchers compiled, window in epoch ms. */
export interface CompiledSilence {
  readonly id: string;
  readonly matches: LabelPredicate;
  readonly startsMs: number;
  readonly endsMs: number;
  readonly allowRed: boolean;
}

export function compileSilences(silences: readonly Silence[]): CompiledSilence[] {
  return silences.map((s) => ({
    id: s.id,
    matches: compileMatchers(s.matchers),
    startsMs: Date.parse(s.startsAt),
    endsMs: Date.parse(s.endsAt),
    allowRed: s.allowRed === true,
  }));
}

/**
 * The silence muting these labels at `now` (start inclusive, end exclusive), if any. A red alert is
 * muted only by a silence that explicitly allows red (an administrator's planned maintenance):
 * nobody may miss a red one by a matcher written for blues and oranges.
 */
export function silenceOf(
  silences: readonly CompiledSilence[],
  labels: Labels,
  now: number,
): string | undefined {
  const red = labels.colour === 'red';
  for (const s of silences) {
    if (red && !s.allowRed) continue;
    if (now >= s.startsMs && now < s.endsMs && s.matches(labels)) return s.id;
  }
  return undefined;
}
