import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { LOGIN_STEPS, type LoginStep } from '@fengqiao/contracts';
import { ApiError } from '../common/api-error';
import { sameBytes } from './account-crypto';

const claimsSchema = z
  .object({
    typ: z.literal('login-challenge'),
    sub: z.string().uuid(),
    step: z.enum(LOGIN_STEPS),
    /** A digest of the password hash: a password changed since voids the challenge. */
    pw: z.string(),
    exp: z.number().int(),
  })
  .strict();
export type ChallengeClaims = z.infer<typeof claimsSchema>;

const mac = (key: Buffer, payload: string): string =>
  createHmac('sha256', key).update(payload).digest('base64url');

/** Binds a challenge to the password hash it was issued under, without carrying the hash. */
export const passwordStamp = (key: Buffer, passwordHash: string): string =>
  mac(key, `pw:${passwordHash}`).slice(0, 22);

/**
 * A signed, short-lived proof that the password was right, for the sign-in's next step; it lasts
 * `ttlSeconds` (FQ_LOGIN_CHALLENGE_TTL_S, five minutes by default: time to type a new password or a code).
 */
export function signChallenge(
  key: Buffer,
  c: { sub: string; step: LoginStep; pw: string },
  nowSeconds: number,
  ttlSeconds: number,
): string {
  const claims: ChallengeClaims = { typ: 'login-challenge', ...c, exp: nowSeconds + ttlSeconds };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** The claims of a valid challenge for `step`; one answer (INVALID_CREDENTIALS) for every fault. */
export function verifyChallenge(
  key: Buffer,
  token: string,
  steps: readonly LoginStep[],
  nowSeconds: number,
): ChallengeClaims {
  const invalid = new ApiError('INVALID_CREDENTIALS', 'sign-in step expired or invalid: sign in again');
  const [payload, signature, ...rest] = token.split('.');
  if (payload === undefined || signature === undefined || rest.length > 0) throw invalid;
  if (!sameBytes(signature, mac(key, payload))) throw invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const claims = claimsSchema.safeParse(json);
  if (!claims.success || claims.data.exp <= nowSeconds || !steps.includes(claims.data.step)) throw invalid;
  return claims.data;
}
