import request from 'supertest';
import { type ApiErrorBody, type TokenPair } from '@fengqiao/contracts';
import { type ApiHarness, demoUser, startApi } from '../testing/api-harness';
import { DEMO_USERS } from './demo-users';

describe('authentication (real PostgreSQL)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ loginLimitPerMinute: 1000 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('logs a demo user in and answers /auth/me with the same user', async () => {
    const pair = await api.login('officer-bazhou');
    expect(pair).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { role: 'duty-officer', regions: ['511902'] },
    });
    const me = await request(api.url)
      .get('/api/auth/me')
      .set('authorization', `Bearer ${pair.accessToken}`)
      .expect(200);
    expect(me.body).toEqual(pair.user);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    // The same failure history for both (none): other specs of the run share login_backoff.
    await api.pool.query("DELETE FROM login_backoff WHERE username IN ('analyst', 'nobody')");
    const wrong = await request(api.url)
      .post('/api/auth/login')
      .send({ username: 'analyst', password: 'nope' })
      .expect(401);
    const unknown = await request(api.url)
      .post('/api/auth/login')
      .send({ username: 'nobody', password: 'nope' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect((wrong.body as ApiErrorBody).code).toBe('INVALID_CREDENTIALS');
  });

  it('backs off an account after three failures, even against the right password, saying how long', async () => {
    const { username, password } = demoUser('intake-clerk');
    const attempts: request.Response[] = [];
    for (let i = 0; i < 3; i += 1)
      attempts.push(
        await request(api.url)
          .post('/api/auth/login')
          .send({ username, password: `wrong-${i}` })
          .expect(401),
      );
    expect(attempts.map((r) => (r.body as ApiErrorBody).retryAfter)).toEqual([undefined, undefined, 5]);
    const held = await request(api.url).post('/api/auth/login').send({ username, password }).expect(429);
    expect(held.body).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfter: expect.any(Number) as number });
    expect((held.body as ApiErrorBody).retryAfter).toBeLessThanOrEqual(5);
    expect(held.headers['retry-after']).toBe(String((held.body as ApiErrorBody).retryAfter));
    // The wait over (moved into the past here), the right password works and the count is gone.
    await api.pool.query(
      "UPDATE login_backoff SET blocked_until = now() - interval '1 s' WHERE username = $1",
      [username],
    );
    await request(api.url).post('/api/auth/login').send({ username, password }).expect(200);
    const left = await api.pool.query('SELECT 1 FROM login_backoff WHERE username = $1', [username]);
    expect(left.rowCount).toBe(0);
  });

  it('backs off an unknown name exactly like a known one (no way to tell which names exist)', async () => {
    const known = 'officer';
    const unknown = `nobody-${Date.now()}`;
    const answers = async (username: string): Promise<unknown[]> => {
      const out: unknown[] = [];
      for (let i = 0; i < 4; i += 1) {
        const res = await request(api.url).post('/api/auth/login').send({ username, password: 'nope' });
        out.push([res.status, (res.body as ApiErrorBody).code, (res.body as ApiErrorBody).retryAfter]);
      }
      return out;
    };
    expect(await answers(unknown)).toEqual(await answers(known));
    await api.pool.query('DELETE FROM login_backoff WHERE username = ANY($1)', [[known, unknown]]);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = (await request(api.url).post('/api/auth/login').send(demoUser('analyst')).expect(200))
      .body as TokenPair;
    const second = (
      await request(api.url).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body as TokenPair;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const replay = await request(api.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect((replay.body as ApiErrorBody).code).toBe('REFRESH_INVALID');
    // The stolen-copy reaction: the legitimate successor dies with its family.
    await request(api.url).post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
  });

  it('stores no password in clear: scrypt hashes only', async () => {
    // The seeded accounts (other suites add device-only walls with no password at all).
    const rows = await api.pool.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE username = ANY($1::text[])',
      [DEMO_USERS.map((u) => u.username)],
    );
    expect(rows.rows.length).toBe(DEMO_USERS.length);
    for (const r of rows.rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });
});
