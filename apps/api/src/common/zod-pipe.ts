import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { ApiError } from './api-error';

/** PostgreSQL text cannot hold U+0000: refused here as bad input rather than failing in the database. */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** Parses a value with a zod schema or throws VALIDATION_FAILED listing each issue (never the value). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  if (hasNul(value)) {
    throw new ApiError('VALIDATION_FAILED', 'request failed validation', [
      { path: '(any)', message: 'NUL characters are not allowed' },
    ]);
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  throw new ApiError('VALIDATION_FAILED', 'request failed validation', issues);
}

/** `@Body(new ZodPipe(schema))`: the contract's schema is type and validation at once. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    // Only a missing body counts as {} (every field optional); an explicit JSON null is refused.
    return parseOrThrow(this.schema, value === undefined ? {} : value);
  }
}
