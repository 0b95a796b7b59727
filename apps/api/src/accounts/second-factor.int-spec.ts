import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ApiErrorBody, type RecoveryCodesResponse, type TotpEnrolment } from '@fengqiao/contracts';
import { UsersRepository } from '@fengqiao/db';
import { hashPassword } from '../auth/password-hasher';
import { type ApiHarness, startApi } from '../testing/api-harness';
import {
  aUsername,
  answerOf,
  asChallenge,
  asTokens,
  bearer,
  codeFor,
  firstSignIn,
  signIn,
  step,
  STRONG,
} from './account-test-kit';

// The TOTP second factor on the real API and database (issue 16), with administrators required to
// use it (as production does): enrolment at first sign-in, codes once per time step, recovery codes
// once each, wrong codes in the account's back-off; optional enrolment for other roles.
describe('the second factor (TOTP, RFC 6238)', () => {
  let api: ApiHarness;
  let accounts = '';

  beforeAll(async () => {
    api = await startApi({
      adminTotpRequired: true,
      loginLimitPerMinute: 10_000,
      writeLimitPerMinute: 10_000,
    });
    // An account administrator of this spec's own (the demo one stays without a factor for other
    // specs): without a factor yet, its sign-in must enrol first.
    const name = aUsername('accounts');
    await new UsersRepository().insertIfAbsent(api.pool, {
      userId: randomUUID(),
      username: name,
      displayName: name,
      role: 'account-admin',
      regions: [],
      passwordHash: await hashPassword(STRONG),
    });
    const res = await signIn(api.url, name, STRONG).expect(200);
    const enrol = asChallenge(answerOf(res));
    expect(enrol.next).toBe('totp-enrol');
    const done = await step(api.url, 'totp', {
      challenge: enrol.challenge,
      code: codeFor(enrol.enrolment?.secret ?? ''),
    }).expect(200);
    accounts = asTokens(answerOf(done)).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  it('an administrator enrols at first sign-in, then signs in with a code, each code once, recovery codes once', async () => {
    const username = aUsername('sysadmin');
    const { answer } = await firstSignIn(api.url, accounts, username, 'admin');
    const enrol = asChallenge(answer);
    expect(enrol.next).toBe('totp-enrol');
    const secret = enrol.enrolment?.secret ?? '';
    expect(enrol.enrolment?.otpauthUri).toContain(
      `otpauth://totp/%E6%9E%AB%E6%A1%A5:${username}?secret=${secret}`,
    );
    const wrong = await step(api.url, 'totp', {
      challenge: enrol.challenge,
      code: codeFor(secret, 5),
    }).expect(401);
    expect((wrong.body as ApiErrorBody).code).toBe('INVALID_CREDENTIALS');
    const enrolled = asTokens(
      answerOf(
        await step(api.url, 'totp', { challenge: enrol.challenge, code: codeFor(secret) }).expect(200),
      ),
    );
    const recovery = enrolled.recoveryCodes ?? [];
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);

    // Next sign-in: the password is not enough.
    const again = asChallenge(answerOf(await signIn(api.url, username, STRONG).expect(200)));
    expect(again.next).toBe('totp');
    // The code that confirmed the enrolment was used: the same time step is refused (no replay).
    await step(api.url, 'totp', { challenge: again.challenge, code: codeFor(secret) }).expect(401);
    const next = await step(api.url, 'totp', { challenge: again.challenge, code: codeFor(secret, 1) }).expect(
      200,
    );
    expect(asTokens(answerOf(next)).user.role).toBe('admin');
    expect(asTokens(answerOf(next)).recoveryCodes).toBeUndefined();

    const third = asChallenge(answerOf(await signIn(api.url, username, STRONG).expect(200)));
    await step(api.url, 'totp', { challenge: third.challenge, code: recovery[0] }).expect(200);
    await step(api.url, 'totp', { challenge: third.challenge, code: recovery[0] }).expect(401);
    await step(api.url, 'totp', { challenge: third.challenge, code: recovery[1] }).expect(200);
  });

  it('wrong codes build the per-account back-off: a clear wait, even for the right code', async () => {
    const username = aUsername('sysadmin');
    const { answer } = await firstSignIn(api.url, accounts, username, 'account-admin');
    const enrol = asChallenge(answer);
    const secret = enrol.enrolment?.secret ?? '';
    await step(api.url, 'totp', { challenge: enrol.challenge, code: codeFor(secret) }).expect(200);
    const login = asChallenge(answerOf(await signIn(api.url, username, STRONG).expect(200)));
    const answers: request.Response[] = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(await step(api.url, 'totp', { challenge: login.challenge, code: codeFor(secret, 7) }));
    // Three failures: the third starts the back-off (5 s, doubling), and says so.
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect((answers[2]?.body as ApiErrorBody).retryAfter).toBe(5);
    const throttled = await step(api.url, 'totp', {
      challenge: login.challenge,
      code: codeFor(secret, 1),
    }).expect(429);
    expect(throttled.body as ApiErrorBody).toMatchObject({ code: 'LOGIN_THROTTLED' });
    expect((throttled.body as ApiErrorBody).message).toMatch(/retry in \d+ s/);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('is optional for other roles: enrol on one’s own, then it is asked; an administrator cannot turn it off', async () => {
    const username = aUsername('analyst');
    const { answer } = await firstSignIn(api.url, accounts, username, 'analyst');
    const token = asTokens(answer).accessToken;
    const setup = (
      await request(api.url)
        .post('/api/auth/totp/setup')
        .set(...bearer(token))
        .expect(200)
    ).body as TotpEnrolment;
    const wrong = await request(api.url)
      .post('/api/auth/totp/confirm')
      .set(...bearer(token))
      .send({ code: codeFor(setup.secret, 4) })
      .expect(400);
    expect((wrong.body as ApiErrorBody).code).toBe('VALIDATION_FAILED');
    const confirmed = await request(api.url)
      .post('/api/auth/totp/confirm')
      .set(...bearer(token))
      .send({ code: codeFor(setup.secret) })
      .expect(200);
    expect((confirmed.body as RecoveryCodesResponse).recoveryCodes).toHaveLength(10);
    expect(asChallenge(answerOf(await signIn(api.url, username, STRONG).expect(200))).next).toBe('totp');
    await request(api.url)
      .post('/api/auth/totp/disable')
      .set(...bearer(token))
      .send({ code: codeFor(setup.secret, 1) })
      .expect(204);
    expect(asTokens(answerOf(await signIn(api.url, username, STRONG).expect(200))).user.username).toBe(
      username,
    );
    const refused = await request(api.url)
      .post('/api/auth/totp/disable')
      .set(...bearer(accounts))
      .send({ code: '123456' })
      .expect(403);
    expect((refused.body as ApiErrorBody).code).toBe('FORBIDDEN');
  });

  it('the account administrator removes a lost factor; the administrator enrols again at sign-in', async () => {
    const username = aUsername('sysadmin');
    const { userId, answer } = await firstSignIn(api.url, accounts, username, 'admin');
    const enrol = asChallenge(answer);
    await step(api.url, 'totp', {
      challenge: enrol.challenge,
      code: codeFor(enrol.enrolment?.secret ?? ''),
    }).expect(200);
    await request(api.url)
      .post(`/api/users/${userId}/reset-totp`)
      .set(...bearer(accounts))
      .send({ reason: '手机丢失' })
      .expect(200);
    const next = asChallenge(answerOf(await signIn(api.url, username, STRONG).expect(200)));
    expect(next.next).toBe('totp-enrol');
    expect(next.enrolment?.secret).not.toBe(enrol.enrolment?.secret);
  });
});
