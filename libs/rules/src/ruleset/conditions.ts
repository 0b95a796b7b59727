import { type Condition } from '@fengqiao/contracts';
import { type Facts } from './facts';

type Scalar = string | number | boolean;
/** A compiled AND of conditions; `explain` records the values compared and the thresholds. */
export interface CompiledConditions {
  test(facts: Facts): boolean;
  explain(facts: Facts, values: Record<string, Scalar>, thresholds: Record<string, Scalar>): void;
}

function compileOne(c: Condition): (v: Scalar | undefined) => boolean {
  const want = c.value;
  if (Array.isArray(want)) {
    const set = new Set<Scalar>(want);
    return c.op === 'ne' ? (v) => v !== undefined && !set.has(v) : (v) => v !== undefined && set.has(v);
  }
  switch (c.op) {
    case 'eq':
    case 'in':
      return (v) => v === want;
    case 'ne':
      return (v) => v !== undefined && v !== want;
    case 'gt':
      return (v) => v !== undefined && v > want;
    case 'gte':
      return (v) => v !== undefined && v >= want;
    case 'lt':
      return (v) => v !== undefined && v < want;
    case 'lte':
      return (v) => v !== undefined && v <= want;
  }
}

const thresholdText = (c: Condition): Scalar => (Array.isArray(c.value) ? c.value.join('|') : c.value);

export function compileConditions(conditions: readonly Condition[]): CompiledConditions {
  const tests = conditions.map((c) => ({ fact: c.fact, check: compileOne(c) }));
  return {
    test(facts) {
      for (const t of tests) if (!t.check(facts[t.fact])) return false;
      return true;
    },
    explain(facts, values, thresholds) {
      for (const c of conditions) {
        const v = facts[c.fact];
        if (v !== undefined) values[c.fact] = v;
        thresholds[`${c.fact} ${c.op}`] = thresholdText(c);
      }
    },
  };
}
