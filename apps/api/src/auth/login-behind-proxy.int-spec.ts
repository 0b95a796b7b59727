import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody } from '@fengqiao/contracts';
import { UsersRepository } from '@fengqiao/db';
import { type ApiHarness, demoUser, startApi } from '../testing/api-harness';
import { hashPassword } from './password-hasher';

// Issue 17 #6: behind nginx every login comes from the proxy's address. The per-address limit used
// to count the proxy, so one password guesser locked every wall out (a bare 登录失败). Now the
// proxy is trusted (FQ_TRUSTED_PROXIES; loopback by default outside production), the limit counts
// the client from X-Forwarded-For, and guessing is slowed per account, in the database, so every
// API instance holds the same account back, and the refusal says how long to wait.
const ATTACKER = '203.0.113.7';
const WALL = '198.51.100.20';
const TARGET = { username: `brute-${randomUUID().slice(0, 8)}`, password: 'the-real-password-2026' };

const login = (api: ApiHarness, from: string, body: object): request.Test =>
  request(api.url).post('/api/auth/login').set('x-forwarded-for', from).send(body);

describe('login behind the reverse proxy (real PostgreSQL)', () => {
  let first: ApiHarness;
  let second: ApiHarness;

  beforeAll(async () => {
    // The production limit (20 a minute per client address), two instances on one database.
    [first, second] = [await startApi(), await startApi()];
    await new UsersRepository().insertIfAbsent(first.pool, {
      userId: randomUUID(),
      username: TARGET.username,
      displayName: 'brute-force target',
      role: 'analyst',
      regions: [],
      passwordHash: await hashPassword(TARGET.password),
    });
  });
  afterAll(async () => {
    await first.pool.query('DELETE FROM login_backoff WHERE username = $1', [TARGET.username]);
    await first.close();
    await second.close();
  });

  it("a brute force on account A from one address does not block account B's login through the same proxy", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const res = await login(first, ATTACKER, { username: TARGET.username, password: `guess-${i}` });
      codes.push((res.body as ApiErrorBody).code);
    }
    // The guesser meets the account's back-off, then the limit on its own address.
    expect(codes).toContain('LOGIN_THROTTLED');
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    const wall = await login(first, WALL, demoUser('wall')).expect(200);
    expect(wall.body).toMatchObject({ tokenType: 'Bearer', user: { username: 'wall' } });
  });

  it("A's own login is held back with how long to wait, on every instance, even with the right password", async () => {
    for (const api of [first, second]) {
      const res = await login(api, WALL, TARGET).expect(429);
      const body = res.body as ApiErrorBody;
      expect(body.code).toBe('LOGIN_THROTTLED');
      expect(body.retryAfter).toBeGreaterThan(0);
      expect(body.message).toContain(`retry in ${body.retryAfter} s`);
      expect(res.headers['retry-after']).toBe(String(body.retryAfter));
    }
  });
});
