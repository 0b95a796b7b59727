import { Logger } from '@nestjs/common';
import { type FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiError } from './api-error';
import { toErrorBody } from './api-exception.filter';
import { API_HEADERS } from './security-headers';

type AdapterOptions = Exclude<ConstructorParameters<typeof FastifyAdapter>[0], undefined>;
type FrameworkErrors = NonNullable<Extract<AdapterOptions, { frameworkErrors?: unknown }>['frameworkErrors']>;

const logger = new Logger('api');

/** Fastify's router errors, by code, as our own errors: the same envelope as every other 4xx. */
function apiErrorOf(code: string): ApiError {
  switch (code) {
    case 'FST_ERR_BAD_URL':
      return new ApiError('VALIDATION_FAILED', 'request failed validation', [
        { path: '(url)', message: 'malformed percent-encoding' },
      ]);
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError('VALIDATION_FAILED', 'request failed validation', [
        { path: '(url)', message: 'path parameter too long' },
      ]);
    default:
      return new ApiError('INTERNAL', 'internal error');
  }
}

/**
 * Fastify's `frameworkErrors` option. Without it, a malformed percent-encoding or a path parameter
 * over `maxParamLength` is answered by the router itself, before Nest and its hooks: a bare
 * `{"error":…,"code":"FST_ERR_…","message":"'<the path>' …"}` that echoes the path and has neither
 * the error envelope nor the security headers (found by common/bad-input.int-spec.ts). Written on
 * the raw response, as the router does, because no route (and so no hook) applies yet.
 */
export const answerFrameworkError: FrameworkErrors = (error, _request, reply) => {
  const body = toErrorBody(apiErrorOf(error.code));
  if (body.statusCode >= 500) logger.error(`router error ${error.code}`);
  const text = JSON.stringify(body);
  reply.raw.writeHead(body.statusCode, {
    ...API_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  reply.raw.end(text);
};
