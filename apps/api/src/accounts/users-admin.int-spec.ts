import request from 'supertest';
import {
  type ApiErrorBody,
  type AuditListResponse,
  type UserChangeResponse,
  type UserListResponse,
} from '@fengqiao/contracts';
import { type ApiHarness, startApi } from '../testing/api-harness';
import {
  aUsername,
  answerOf,
  asChallenge,
  asTokens,
  bearer,
  createUser,
  eventually,
  firstSignIn,
  signIn,
  step,
  STRONG,
} from './account-test-kit';

// Account administration on the real API and database (issue 16): create with a temporary
// password replaced at first sign-in, list with filters, change role and regions, disable and
// enable, reset the password; each change audited with who and why, and sessions ended at once.
describe('account administration', () => {
  let api: ApiHarness;
  let accounts = '';
  let auditor = '';

  beforeAll(async () => {
    api = await startApi({ writeLimitPerMinute: 10_000, loginLimitPerMinute: 10_000 });
    accounts = (await api.login('account-admin')).accessToken;
    auditor = (await api.login('auditor')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  const auditOf = async (targetId: string): Promise<AuditListResponse['items']> => {
    const res = await request(api.url)
      .get(`/api/audit?targetType=user&targetId=${targetId}`)
      .set(...bearer(auditor))
      .expect(200);
    return (res.body as AuditListResponse).items;
  };

  it('creates an account whose temporary password must be replaced (policy enforced) at first sign-in', async () => {
    const username = aUsername('clerk');
    const { userId, temporaryPassword } = await createUser(api.url, accounts, {
      username,
      role: 'intake-clerk',
    });
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    const first = asChallenge(answerOf(await signIn(api.url, username, temporaryPassword).expect(200)));
    expect(first.next).toBe('password-change');
    for (const weak of ['short1A!', 'alllowercaseletters', `${username}-X1!abc`]) {
      const res = await step(api.url, 'password', { challenge: first.challenge, newPassword: weak }).expect(
        400,
      );
      expect((res.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    }
    const same = await step(api.url, 'password', {
      challenge: first.challenge,
      newPassword: temporaryPassword,
    });
    expect((same.body as ApiErrorBody).issues?.[0]?.message).toContain('same-as-before');
    const done = await step(api.url, 'password', { challenge: first.challenge, newPassword: STRONG }).expect(
      200,
    );
    expect(asTokens(answerOf(done)).user.role).toBe('intake-clerk');
    // The challenge was bound to the old password: it cannot be used again.
    await step(api.url, 'password', { challenge: first.challenge, newPassword: `${STRONG}x` }).expect(401);
    expect(asTokens(answerOf(await signIn(api.url, username, STRONG).expect(200))).user.username).toBe(
      username,
    );
    const audit = await auditOf(userId);
    expect(audit.map((a) => a.action)).toEqual(['user.password-changed', 'user.created']);
    expect(audit[1]).toMatchObject({
      actorRole: 'account-admin',
      detail: { reason: '新同事入职', username },
    });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('lists with filters: role, region (inside it too), status, name', async () => {
    const township = aUsername('officer');
    await createUser(api.url, accounts, { username: township, role: 'duty-officer', regions: ['511902001'] });
    const q = async (query: string): Promise<string[]> => {
      const res = await request(api.url)
        .get(`/api/users?${query}`)
        .set(...bearer(accounts))
        .expect(200);
      return (res.body as UserListResponse).items.map((u) => u.username);
    };
    expect(await q('role=duty-officer&region=511902')).toContain(township);
    expect(await q('role=duty-officer&region=511923')).not.toContain(township);
    expect(await q(`text=${township}`)).toEqual([township]);
    expect(await q(`text=${township}&status=disabled`)).toEqual([]);
    expect(await q('role=auditor')).toEqual(['auditor']);
  });

  it('changes role and regions (grid worker needs grid cells), audits before/after, ends the sessions', async () => {
    const username = aUsername('worker');
    const { userId, answer } = await firstSignIn(api.url, accounts, username, 'analyst');
    const old = asTokens(answer).accessToken;
    await request(api.url)
      .get('/api/auth/me')
      .set(...bearer(old))
      .expect(200);
    const update = (body: object) =>
      request(api.url)
        .post(`/api/users/${userId}`)
        .set(...bearer(accounts))
        .send(body);
    expect(
      ((await update({ role: 'grid-worker', reason: '调岗' }).expect(400)).body as ApiErrorBody).issues,
    ).toEqual([{ path: 'regions', message: 'a grid worker needs grid cell codes' }]);
    await update({ regions: ['511902001001001'], reason: '调岗' }).expect(400);
    const res = await update({
      role: 'grid-worker',
      regions: ['511902001001001'],
      reason: '调任网格员',
    }).expect(200);
    expect((res.body as UserChangeResponse).user).toMatchObject({
      role: 'grid-worker',
      regions: ['511902001001001'],
    });
    await eventually(
      async () =>
        (
          await request(api.url)
            .get('/api/auth/me')
            .set(...bearer(old))
        ).status === 401,
    );
    const [entry] = await auditOf(userId);
    expect(entry).toMatchObject({
      action: 'user.updated',
      actorRole: 'account-admin',
      detail: {
        reason: '调任网格员',
        before: { role: 'analyst', regions: [] },
        after: { role: 'grid-worker', regions: ['511902001001001'] },
      },
    });
  });

  it('disables (sign-in refused, sessions end within seconds) and enables again', async () => {
    const username = aUsername('analyst');
    const { userId, answer } = await firstSignIn(api.url, accounts, username, 'analyst');
    const token = asTokens(answer).accessToken;
    const act = (what: string) =>
      request(api.url)
        .post(`/api/users/${userId}/${what}`)
        .set(...bearer(accounts))
        .send({ reason: '离职' });
    expect(((await act('disable').expect(200)).body as UserChangeResponse).user.disabled).toBe(true);
    await eventually(
      async () =>
        (
          await request(api.url)
            .get('/api/auth/me')
            .set(...bearer(token))
        ).status === 401,
    );
    await request(api.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: asTokens(answer).refreshToken })
      .expect(401);
    await signIn(api.url, username, STRONG).expect(401);
    await act('enable').expect(200);
    await signIn(api.url, username, STRONG).expect(200);
    expect((await auditOf(userId)).slice(0, 2).map((a) => a.action)).toEqual(['user.enable', 'user.disable']);
  });

  it('resets a password: the old one stops working, the temporary one must be replaced', async () => {
    const username = aUsername('reset');
    const { userId } = await firstSignIn(api.url, accounts, username, 'duty-officer');
    const res = await request(api.url)
      .post(`/api/users/${userId}/reset-password`)
      .set(...bearer(accounts))
      .send({ reason: '用户遗忘密码' })
      .expect(200);
    const body = res.body as UserChangeResponse;
    expect(body.user.mustChangePassword).toBe(true);
    await signIn(api.url, username, STRONG).expect(401);
    const next = asChallenge(
      answerOf(await signIn(api.url, username, body.temporaryPassword ?? '').expect(200)),
    );
    expect(next.next).toBe('password-change');
  });

  it('refuses a taken username, a change to oneself and an unknown user', async () => {
    const taken = await request(api.url)
      .post('/api/users')
      .set(...bearer(accounts))
      .send({ username: 'admin', displayName: 'x', role: 'analyst', regions: [], reason: '重复' })
      .expect(400);
    expect((taken.body as ApiErrorBody).issues).toEqual([{ path: 'username', message: 'taken' }]);
    const me = (
      await request(api.url)
        .get('/api/auth/me')
        .set(...bearer(accounts))
        .expect(200)
    ).body as {
      userId: string;
    };
    const self = await request(api.url)
      .post(`/api/users/${me.userId}/disable`)
      .set(...bearer(accounts))
      .send({ reason: '自己' })
      .expect(403);
    expect((self.body as ApiErrorBody).code).toBe('FORBIDDEN');
    await request(api.url)
      .post('/api/users/00000000-0000-4000-8000-000000000000/enable')
      .set(...bearer(accounts))
      .send({ reason: '不存在' })
      .expect(404);
  });
});
