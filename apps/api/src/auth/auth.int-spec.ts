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

  it('locks an account after five failures, even against the right password, until unlocked', async () => {
    const { username, password } = demoUser('intake-clerk');
    for (let i = 0; i < 5; i += 1) {
      await request(api.url)
        .post('/api/auth/login')
        .send({ username, password: `wrong-${i}` })
        .expect(401);
    }
    await request(api.url).post('/api/auth/login').send({ username, password }).expect(401);
    const row = await api.pool.query<{ failed_attempts: number; locked: boolean }>(
      'SELECT failed_attempts, locked_until > now() AS locked FROM users WHERE username = $1',
      [username],
    );
    expect(row.rows[0]).toEqual({ failed_attempts: 5, locked: true });
    await api.pool.query('UPDATE users SET locked_until = NULL, failed_attempts = 0 WHERE username = $1', [
      username,
    ]);
    await request(api.url).post('/api/auth/login').send({ username, password }).expect(200);
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
