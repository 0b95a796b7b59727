import { randomInt } from 'node:crypto';
import request from 'supertest';
import {
  loginAnswerSchema,
  type LoginAnswer,
  type LoginChallenge,
  type TokenPair,
  type UserChangeResponse,
  type UserRole,
} from '@fengqiao/contracts';
import { base32Decode, totp } from './totp';

/** Helpers of the accounts int specs: real HTTP against a real API and database. */
export const aUsername = (prefix: string): string => `${prefix}-${randomInt(1e6, 1e7)}`;

export const STRONG = 'Fengqiao-Strong-2026!';

export function asChallenge(answer: LoginAnswer): LoginChallenge {
  if (!('next' in answer)) throw new Error('expected a sign-in step, got tokens');
  return answer;
}

export function asTokens(answer: LoginAnswer): TokenPair {
  if ('next' in answer) throw new Error(`expected tokens, got step ${answer.next}`);
  return answer;
}

export function signIn(url: string, username: string, password: string): request.Test {
  return request(url).post('/api/auth/login').send({ username, password });
}

export const answerOf = (res: request.Response): LoginAnswer => loginAnswerSchema.parse(res.body);

export function step(url: string, path: 'password' | 'totp', body: object): request.Test {
  return request(url).post(`/api/auth/login/${path}`).send(body);
}

/** A code the authenticator app would show now (or `offsetSteps` steps away). */
export const codeFor = (secretBase32: string, offsetSteps = 0): string =>
  totp(base32Decode(secretBase32), Date.now() / 1000 + offsetSteps * 30);

export const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

/** Creates an account as the account administrator; answers it and its temporary password. */
export async function createUser(
  url: string,
  adminToken: string,
  u: { username: string; role: UserRole; regions?: string[] },
): Promise<{ userId: string; temporaryPassword: string }> {
  const res = await request(url)
    .post('/api/users')
    .set(...bearer(adminToken))
    .send({
      username: u.username,
      displayName: `测试 ${u.username}`,
      role: u.role,
      regions: u.regions ?? [],
      reason: '新同事入职',
    })
    .expect(201);
  const body = res.body as UserChangeResponse;
  return { userId: body.user.userId, temporaryPassword: body.temporaryPassword ?? '' };
}

/** A new account signed in through its first password change; answers its tokens. */
export async function firstSignIn(url: string, adminToken: string, username: string, role: UserRole) {
  const created = await createUser(url, adminToken, { username, role });
  const first = asChallenge(answerOf(await signIn(url, username, created.temporaryPassword)));
  const done = await step(url, 'password', { challenge: first.challenge, newPassword: STRONG }).expect(200);
  return { ...created, answer: answerOf(done) };
}

/** Polls until `check` holds (revocations reach every instance within seconds). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
