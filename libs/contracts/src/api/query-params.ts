import { z } from 'zod';

/** `a,b,c` in a query string → a de-duplicated list, each item one of `values`. */
export function csvOf<const V extends readonly [string, ...string[]]>(values: V) {
  return z
    .string()
    .max(200)
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p.length > 0),
      ),
    ])
    .pipe(z.array(z.enum(values)).min(1));
}
