import { type PipeTransform } from '@nestjs/common';
import { type z } from 'zod';
import { ApiError } from './api-error';

/** Parses a value with a zod schema or throws VALIDATION_FAILED listing each issue (never the value). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
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
    return parseOrThrow(this.schema, value ?? {});
  }
}
