import request from 'supertest';
import { apiErrorBodySchema } from '@fengqiao/contracts';
import { signAccessToken } from '../auth/jwt';
import { type ApiHarness, startApi } from '../testing/api-harness';

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const someone = {
  sub: '00000000-0000-4000-8000-000000000000',
  name: 'admin',
  role: 'admin' as const,
  regions: [],
};

describe('bad input gets a clean 4xx: a code, no stack, no echo', () => {
  let api: ApiHarness;
  let officer: string;

  beforeAll(async () => {
    api = await startApi({ loginLimitPerMinute: 1000 });
    officer = (await api.login('duty-officer')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const ack = (): request.Test =>
    request(api.url)
      .post('/api/alerts/00000000-0000-4000-8000-000000000001/acknowledge')
      .set('authorization', `Bearer ${officer}`);

  type Case = [string, number, string, () => request.Test];
  const cases: Case[] = [
    [
      'malformed JSON',
      400,
      'MALFORMED_BODY',
      () => ack().set('content-type', 'application/json').send('{"version": 1,'),
    ],
    ['a wrong type', 400, 'VALIDATION_FAILED', () => ack().send({ version: 'one' })],
    ['an extra property', 400, 'VALIDATION_FAILED', () => ack().send({ version: 1, admin: true })],
    ['a huge body', 413, 'BODY_TOO_LARGE', () => ack().send({ version: 1, note: 'x'.repeat(200_000) })],
    [
      'a form body',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      () => ack().set('content-type', 'text/plain').send('version=1'),
    ],
    [
      'a SQL-looking id',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).get("/api/alerts/1'%20OR%201=1--").set('authorization', `Bearer ${officer}`),
    ],
    [
      'a SQL-looking filter',
      200,
      '',
      () =>
        request(api.url)
          .get("/api/alerts?ruleId=x'%3B%20DROP%20TABLE%20alerts%3B--")
          .set('authorization', `Bearer ${officer}`),
    ],
    [
      'a SQL-looking username',
      401,
      'INVALID_CREDENTIALS',
      () => request(api.url).post('/api/auth/login').send({ username: "admin' --", password: 'x' }),
    ],
    [
      'a NUL character in a body',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).post('/api/auth/login').send({ username: 'a\u0000b', password: 'x' }),
    ],
    [
      'a NUL character in a query',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).get('/api/cameras?q=a%00b').set('authorization', `Bearer ${officer}`),
    ],
    [
      'a repeated query key',
      400,
      'VALIDATION_FAILED',
      () =>
        request(api.url).get('/api/alerts?colour=red&colour=blue').set('authorization', `Bearer ${officer}`),
    ],
    [
      'an unknown colour',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).get('/api/alerts?colour=purple').set('authorization', `Bearer ${officer}`),
    ],
    [
      'a forged token',
      401,
      'TOKEN_INVALID',
      () =>
        request(api.url)
          .get('/api/auth/me')
          .set(
            'authorization',
            `Bearer ${signAccessToken({ ...someone, iat: 0, exp: 9_999_999_999 }, 'guessed-secret')}`,
          ),
    ],
    [
      'an alg:none token',
      401,
      'TOKEN_INVALID',
      () =>
        request(api.url)
          .get('/api/auth/me')
          .set(
            'authorization',
            `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...someone, iss: 'fengqiao-api', typ: 'access', iat: 0, exp: 9_999_999_999 })}.`,
          ),
    ],
    [
      'an expired token',
      401,
      'TOKEN_EXPIRED',
      () =>
        request(api.url)
          .get('/api/auth/me')
          .set(
            'authorization',
            `Bearer ${signAccessToken({ ...someone, iat: 1, exp: 2 }, api.config.api.jwtSecret)}`,
          ),
    ],
    [
      'a garbage token',
      401,
      'UNAUTHENTICATED',
      () => request(api.url).get('/api/auth/me').set('authorization', 'Bearer <script>'),
    ],
    [
      'a wrong role',
      403,
      'FORBIDDEN',
      () => request(api.url).get('/api/metrics').set('authorization', `Bearer ${officer}`),
    ],
    [
      'an unknown route',
      404,
      'NOT_FOUND',
      () => request(api.url).get('/api/../../etc/passwd').set('authorization', `Bearer ${officer}`),
    ],
  ];

  it.each(cases)('%s → %i %s', async (_title, status, code, send) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.text).not.toMatch(/at .+\.(ts|js):\d+|node_modules|stack/i);
    if (status >= 400) {
      const body = apiErrorBodySchema.parse(res.body);
      expect(body.code).toBe(code);
      expect(res.text).not.toContain('DROP TABLE');
    }
  });

  it('sends helmet-style headers and CORS only to the dashboard origin', async () => {
    const res = await request(api.url).get('/api/health').set('origin', 'http://127.0.0.1:5173');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'access-control-allow-origin': 'http://127.0.0.1:5173',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const evil = await request(api.url).get('/api/health').set('origin', 'https://evil.example');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits logins per client address', async () => {
    const strict = await startApi({ loginLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(
          (await request(strict.url).post('/api/auth/login').send({ username: 'nobody', password: 'x' }))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});
