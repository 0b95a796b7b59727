import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { type ApiErrorBody, type ApiErrorCode } from '@fengqiao/contracts';
import { sqlStateOf } from '@fengqiao/db';
import { ApiError, httpStatusOf } from './api-error';

/** Fastify's own errors (body parsing, limits) by status, so clients see a code, not a framework. */
const FRAMEWORK_CODES: Record<number, ApiErrorCode> = {
  400: 'MALFORMED_BODY',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function statusOfForeign(err: unknown): number {
  if (err instanceof HttpException) return err.getStatus();
  const s = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' && s >= 400 && s < 600 ? s : 500;
}

/**
 * SQLSTATE class 22 (data exception: a date out of range, a malformed number) means PostgreSQL
 * refused a value, and every value here comes from the request: a 400, not a 500. Found by the fuzz
 * tier (POST /api/reports with date 0000-00-00); the validator that let it through still owes a fix.
 */
function isDataException(err: unknown): boolean {
  return sqlStateOf(err)?.startsWith('22') === true;
}

/** Turns any error into an ApiErrorBody: a code and a short message, never a stack or a value. */
export function toErrorBody(err: unknown): ApiErrorBody {
  if (isDataException(err)) {
    const issues = [{ path: '(any)', message: 'a value is out of range or malformed' }];
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'request failed validation', issues };
  }
  if (err instanceof ApiError) {
    const body: ApiErrorBody = {
      statusCode: httpStatusOf(err.code),
      code: err.code,
      message: err.message,
      ...(err.issues === undefined ? {} : { issues: [...err.issues] }),
      ...(err.retryAfterSeconds === undefined
        ? {}
        : { retryAfter: Math.max(1, Math.ceil(err.retryAfterSeconds)) }),
    };
    return body;
  }
  const status = statusOfForeign(err);
  const code = FRAMEWORK_CODES[status] ?? (status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL');
  const message = status < 500 ? code.toLowerCase().replace(/_/g, ' ') : 'internal error';
  return { statusCode: status >= 500 ? 500 : status, code, message };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(err: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(err);
    if (isDataException(err)) {
      // Visible in the log (state and route only, no values): a validator upstream missed it.
      const request = host.switchToHttp().getRequest<{ method?: string; routeOptions?: { url?: string } }>();
      this.logger.warn(
        `database refused a request value (SQLSTATE ${sqlStateOf(err) ?? '?'}) on ${request.method ?? '?'} ${request.routeOptions?.url ?? '?'}`,
      );
    } else if (body.statusCode >= 500) {
      // The stack goes to the log only; the client gets a code.
      this.logger.error(err instanceof Error ? (err.stack ?? err.message) : 'non-error thrown');
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (body.statusCode === 429) void reply.header('retry-after', String(body.retryAfter ?? 60));
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }
}
