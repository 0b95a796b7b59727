import { HttpException } from '@nestjs/common';
import { ApiError } from './api-error';
import { toErrorBody } from './api-exception.filter';

/** What pg throws: an Error with the SQLSTATE in `code` and the offending value in the message. */
const pgError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

describe('toErrorBody: one envelope for every failure, never a value or a stack', () => {
  it.each([
    ['a feature error', 404, 'NOT_FOUND', new ApiError('NOT_FOUND', 'alert not found')],
    ['a framework 413', 413, 'BODY_TOO_LARGE', Object.assign(new Error('too large'), { statusCode: 413 })],
    ['a Nest HttpException', 415, 'UNSUPPORTED_MEDIA_TYPE', new HttpException('nope', 415)],
    [
      'a date PostgreSQL refuses (22008)',
      400,
      'VALIDATION_FAILED',
      pgError('22008', 'date/time field value out of range: "0-00-01"'),
    ],
    [
      'malformed text for a type (22P02)',
      400,
      'VALIDATION_FAILED',
      pgError('22P02', 'invalid input syntax for type uuid: "x"'),
    ],
    ['a unique violation (23505): not the value alone', 500, 'INTERNAL', pgError('23505', 'duplicate key')],
    ['anything else', 500, 'INTERNAL', new TypeError('x is undefined')],
  ] as const)('%s → %i %s', (_title, status, code, err) => {
    const body = toErrorBody(err);
    expect(body).toMatchObject({ statusCode: status, code });
    expect(JSON.stringify(body)).not.toMatch(/0-00-01|uuid|duplicate|undefined|at .+:\d+/);
  });
});
