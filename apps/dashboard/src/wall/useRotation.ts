import { useEffect, useState } from 'react';
import { nextStepIndex, type RotationStep } from './wall-config';

/**
 * The wall's playlist: each step shows for its seconds, then the next, round and round. While an
 * incident holds the wall (`paused`) the rotation waits; afterwards the interrupted view gets its
 * full time again.
 */
export function useRotation(steps: readonly RotationStep[], paused: boolean): RotationStep {
  const [index, setIndex] = useState(0);
  const step = steps[index % steps.length] ?? steps[0];
  const seconds = step?.seconds ?? 0;
  useEffect(() => {
    if (paused || steps.length < 2) return undefined;
    const timer = window.setTimeout(() => setIndex((i) => nextStepIndex(i, steps.length)), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [paused, index, steps.length, seconds]);
  return step ?? { view: { kind: 'city' }, seconds: 0 };
}
