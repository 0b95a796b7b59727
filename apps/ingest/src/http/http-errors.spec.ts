import { loadConfig } from '@fengqiao/config';
import { DEAD_LETTER_HEADERS, intakeErrorBodySchema, type IntakeErrorCode } from '@fengqiao/contracts';
import { IngestMetrics } from '../metrics';
import { DLQ_HEADERS } from '../pipeline/dead-letter.publisher';
import { type RejectCode } from '../validation/rejection';
import { buildHttpServer } from './http-server';
import { type IntakeService } from './intake.service';

// The HTTP layer answers in our contract (intakeErrorBodySchema), never with the framework's own
// codes: a 415 said `FST_ERR_CTP_INVALID_MEDIA_TYPE` before.

/** Every refusal the validator makes is a code of the published intake contract. */
const documented = (code: RejectCode): IntakeErrorCode => code;

/** Never reached: the HTTP layer refuses these requests before the intake sees them. */
const unreachableIntake = {
  accept: () => Promise.reject(new Error('the intake must not see this request')),
} as unknown as IntakeService;

type ServerDeps = Parameters<typeof buildHttpServer>[0];

/** Only the intake route is exercised: health and Kafka are never asked. */
const server = () => {
  const deps: unknown = {
    intake: unreachableIntake,
    metrics: new IngestMetrics(),
    health: { health: () => Promise.reject(new Error('health is not asked here')) },
    retryAfterS: 5,
    maxMessageBytes: loadConfig({}).tuning.ingest.maxMessageBytes,
  };
  return buildHttpServer(deps as ServerDeps);
};

describe('ingest HTTP errors speak the intake contract', () => {
  it.each([
    ['text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE', 'hello'],
    ['application/xml', 415, 'UNSUPPORTED_MEDIA_TYPE', '<case/>'],
    ['application/json', 413, 'OVERSIZED', 'x'.repeat(1024 * 1024 + 4096)],
  ])('a %s body → %i %s', async (type, status, code, payload) => {
    const app = server();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/intake/case-events',
      headers: { 'content-type': type },
      payload,
    });
    await app.close();
    expect(res.statusCode).toBe(status);
    const body = intakeErrorBodySchema.parse(res.json());
    expect(body.error.code).toBe(code);
    expect(res.body).not.toMatch(/FST_/);
  });

  it('the validator’s codes are all published', () => {
    expect(documented('SCHEMA_INVALID')).toBe('SCHEMA_INVALID');
  });

  it('the dead-letter headers the ingest writes are the published ones', () => {
    const published = Object.fromEntries(Object.entries(DEAD_LETTER_HEADERS).map(([k, h]) => [k, h.name]));
    expect(DLQ_HEADERS).toEqual(published);
  });
});
