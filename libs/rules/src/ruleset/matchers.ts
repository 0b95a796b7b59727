import { type LabelMatcher } from '@fengqiao/contracts';

/** Alert labels: flat strings that matchers, grouping, inhibition and silences read. */
export type Labels = Readonly<Record<string, string>>;
export type LabelPredicate = (labels: Labels) => boolean;

function compileMatcher(m: LabelMatcher): LabelPredicate {
  switch (m.op) {
    case '=':
      return (l) => (l[m.label] ?? '') === m.value;
    case '!=':
      return (l) => (l[m.label] ?? '') !== m.value;
    case '=~': {
      const re = new RegExp(`^(?:${m.value})$`);
      return (l) => re.test(l[m.label] ?? '');
    }
    case '!~': {
      const re = new RegExp(`^(?:${m.value})$`);
      return (l) => !re.test(l[m.label] ?? '');
    }
  }
}

/** All matchers must hold (Alertmanager semantics; a missing label reads as the empty string). */
export function compileMatchers(matchers: readonly LabelMatcher[]): LabelPredicate {
  const preds = matchers.map(compileMatcher);
  return (labels) => preds.every((p) => p(labels));
}

/** The values of `names`, joined: the key of a group or of an inhibition's equal-labels. */
export function labelKey(labels: Labels, names: readonly string[]): string {
  return names.map((n) => labels[n] ?? '').join('|');
}
