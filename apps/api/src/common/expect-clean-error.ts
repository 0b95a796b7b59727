import { type Response } from 'supertest';
import { apiErrorBodySchema, type ApiErrorCode } from '@fengqiao/contracts';

/** What must never reach a client: a stack frame, a source or dependency path, SQL or driver text. */
const LEAK =
  /\bat .+\.(ts|js):\d+|"stack"|node_modules|\/(work|home|usr|app)\/|syntax error at or near|invalid input syntax|violates .* constraint|SELECT .+ FROM|DROP TABLE/i;

/**
 * Asserts a clean error answer (for the int specs): the expected status, the error envelope with the
 * expected code, JSON, and nothing internal in the body.
 */
export function expectCleanError(res: Response, status: number, code: ApiErrorCode): void {
  // The body in the message: a wrong status is only debuggable with what the server said.
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 300)}`);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = apiErrorBodySchema.parse(JSON.parse(res.text));
  expect(body).toMatchObject({ statusCode: status, code });
  expect(res.text).not.toMatch(LEAK);
}
