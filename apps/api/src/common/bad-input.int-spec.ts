import request from 'supertest';
import { type ApiErrorCode } from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { expectCleanError } from './expect-clean-error';

const ALERT = '/api/alerts/00000000-0000-4000-8000-000000000001';
const CAMERA = '/api/video/cameras';

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

  const get = (path: string): request.Test =>
    request(api.url).get(path).set('authorization', `Bearer ${officer}`);
  const post = (path: string): request.Test =>
    request(api.url).post(path).set('authorization', `Bearer ${officer}`);
  const ack = (): request.Test => post(`${ALERT}/acknowledge`);
  const json = (t: request.Test, raw: string): request.Test =>
    t.set('content-type', 'application/json').send(raw);

  type Case = [string, number, ApiErrorCode, () => request.Test];
  const cases: Case[] = [
    // Malformed and mistyped bodies
    ['malformed JSON', 400, 'MALFORMED_BODY', () => json(ack(), '{"version": 1,')],
    ['a JSON body of only a quote', 400, 'MALFORMED_BODY', () => json(ack(), '"')],
    ['an empty JSON body', 400, 'MALFORMED_BODY', () => json(ack(), '')],
    ['a wrong type', 400, 'VALIDATION_FAILED', () => ack().send({ version: 'one' })],
    ['a fractional version', 400, 'VALIDATION_FAILED', () => ack().send({ version: 1.5 })],
    ['a negative version', 400, 'VALIDATION_FAILED', () => ack().send({ version: -1 })],
    ['an array body', 400, 'VALIDATION_FAILED', () => json(ack(), '[{"version":1}]')],
    ['a null body', 400, 'VALIDATION_FAILED', () => json(ack(), 'null')],
    ['a string body', 400, 'VALIDATION_FAILED', () => json(ack(), '"version"')],
    ['a number body', 400, 'VALIDATION_FAILED', () => json(ack(), '12')],
    ['an object for a string', 400, 'VALIDATION_FAILED', () => ack().send({ version: 1, note: { $ne: '' } })],
    ['an extra property', 400, 'VALIDATION_FAILED', () => ack().send({ version: 1, admin: true })],
    [
      // Fastify's JSON parser refuses prototype poisoning outright.
      'a __proto__ property',
      400,
      'MALFORMED_BODY',
      () => json(ack(), '{"version":1,"__proto__":{"x":1}}'),
    ],
    [
      'deeply nested JSON',
      400,
      'VALIDATION_FAILED',
      () => json(ack(), `${'['.repeat(5000)}${']'.repeat(5000)}`),
    ],
    // Size and media type
    ['a huge body', 413, 'BODY_TOO_LARGE', () => ack().send({ version: 1, note: 'x'.repeat(200_000) })],
    [
      'a text body',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      () => ack().set('content-type', 'text/plain').send('version=1'),
    ],
    // Query parameters
    ['an unknown query parameter', 400, 'VALIDATION_FAILED', () => get('/api/alerts?admin=true')],
    ['a repeated query key', 400, 'VALIDATION_FAILED', () => get('/api/alerts?colour=red&colour=blue')],
    ['an unknown colour', 400, 'VALIDATION_FAILED', () => get('/api/alerts?colour=purple')],
    ['a limit that is not a number', 400, 'VALIDATION_FAILED', () => get('/api/alerts?limit=abc')],
    ['a limit out of range', 400, 'VALIDATION_FAILED', () => get('/api/alerts?limit=100000')],
    ['a date that is no date', 400, 'VALIDATION_FAILED', () => get('/api/alerts?from=yesterday')],
    ['a NUL character in a query', 400, 'VALIDATION_FAILED', () => get('/api/cameras?q=a%00b')],
    ['a SQL-looking region', 400, 'VALIDATION_FAILED', () => get("/api/alerts?region=511902'%20OR%20'1'='1")],
    [
      'a SQL-looking cursor',
      400,
      'VALIDATION_FAILED',
      () => get("/api/alerts?cursor=1'%3B%20DROP%20TABLE%20alerts%3B--"),
    ],
    // Path parameters: SQL and traversal never reach a query or a file
    ['a SQL-looking alert id', 400, 'VALIDATION_FAILED', () => get("/api/alerts/1'%20OR%201=1--")],
    [
      'a SQL-looking camera id',
      400,
      'VALIDATION_FAILED',
      () => post(`${CAMERA}/1'%20OR%20'1'='1/play`).send({ reason: 'patrol' }),
    ],
    [
      'an encoded traversal as alert id',
      400,
      'VALIDATION_FAILED',
      () => get('/api/alerts/..%2F..%2Fetc%2Fpasswd'),
    ],
    [
      'a double-encoded traversal',
      400,
      'VALIDATION_FAILED',
      () => get('/api/alerts/%252e%252e%252fetc%252fpasswd'),
    ],
    [
      'a traversal as camera id',
      400,
      'VALIDATION_FAILED',
      () => post(`${CAMERA}/..%2F..%2F..%2Fetc%2Fpasswd/play`).send({ reason: 'patrol' }),
    ],
    ['a backslash traversal', 400, 'VALIDATION_FAILED', () => get('/api/alerts/..%5C..%5Cwindows%5Cwin.ini')],
    ['a raw traversal', 404, 'NOT_FOUND', () => get('/api/../../etc/passwd')],
    // Methods and routes that do not exist
    ['an unknown route', 404, 'NOT_FOUND', () => get('/api/admin/users')],
    [
      'an unsupported method',
      404,
      'NOT_FOUND',
      () => request(api.url).delete('/api/alerts').set('authorization', `Bearer ${officer}`),
    ],
    // Credentials in the body
    [
      'a SQL-looking username',
      401,
      'INVALID_CREDENTIALS',
      () => request(api.url).post('/api/auth/login').send({ username: "admin' --", password: 'x' }),
    ],
    [
      'a NUL in a username',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).post('/api/auth/login').send({ username: 'a\u0000b', password: 'x' }),
    ],
    [
      'a number as password',
      400,
      'VALIDATION_FAILED',
      () => request(api.url).post('/api/auth/login').send({ username: 'admin', password: 1 }),
    ],
  ];

  it.each(cases)('%s → %i %s', async (_title, status, code, send) => {
    expectCleanError(await send(), status, code);
  });

  // Router-level and parser-level refusals: `frameworkErrors` and `bodyParser: false` in app.factory.ts.
  const routerLevel: Case[] = [
    [
      'a form body',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      () => ack().set('content-type', 'application/x-www-form-urlencoded').send('version=1'),
    ],
    ['an over-long id', 400, 'VALIDATION_FAILED', () => get(`/api/alerts/${'a'.repeat(3000)}`)],
    ['a malformed percent-encoding', 400, 'VALIDATION_FAILED', () => get('/api/alerts/%E0%A4%A')],
  ];
  it.each(routerLevel)('%s → %i %s', async (_title, status, code, send) => {
    expectCleanError(await send(), status, code);
  });

  it('answers SQL-looking filter text as plain data (200, nothing dropped)', async () => {
    const res = await get("/api/alerts?ruleId=x'%3B%20DROP%20TABLE%20alerts%3B--").expect(200);
    expect(res.body).toMatchObject({ items: [] });
    await get('/api/alerts').expect(200);
    const search = await get("/api/cameras?q=%25'%20OR%20'1'='1").expect(200);
    expect(search.text).not.toMatch(/syntax error|SQLSTATE/i);
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
      // The per-address limit alone: no per-account back-off left by other specs of the run.
      await strict.pool.query("DELETE FROM login_backoff WHERE username = 'nobody'");
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
