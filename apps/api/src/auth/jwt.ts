import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { userRoleSchema } from '@fengqiao/contracts';
import { ApiError } from '../common/api-error';

/**
 * HS256 only, with the algorithm fixed by us, not read from the token: `alg: none`, RS/HS confusion
 * and any other header are refused before the signature is even looked at.
 */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const ISSUER = 'fengqiao-api';

export const accessClaimsSchema = z
  .object({
    iss: z.literal(ISSUER),
    typ: z.literal('access'),
    sub: z.string().uuid(),
    name: z.string(),
    role: userRoleSchema,
    regions: z.array(z.string()),
    /** The session (refresh-token family): revoking it ends this token too (session-revocations.ts). */
    sid: z.string().uuid().optional(),
    iat: z.number().int(),
    exp: z.number().int(),
  })
  .strict();
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

function mac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signAccessToken(claims: Omit<AccessClaims, 'iss' | 'typ'>, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ iss: ISSUER, typ: 'access', ...claims })).toString(
    'base64url',
  );
  const signature = mac(secret, `${HEADER}.${payload}`).toString('base64url');
  return `${HEADER}.${payload}.${signature}`;
}

/** Verifies signature, shape and expiry; throws TOKEN_INVALID or TOKEN_EXPIRED. */
export function verifyAccessToken(token: string, secret: string, nowSeconds: number): AccessClaims {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || header !== HEADER || payload === undefined || signature === undefined) {
    throw new ApiError('TOKEN_INVALID', 'invalid token');
  }
  const expected = mac(secret, `${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ApiError('TOKEN_INVALID', 'invalid token');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new ApiError('TOKEN_INVALID', 'invalid token');
  }
  const claims = accessClaimsSchema.safeParse(json);
  if (!claims.success) throw new ApiError('TOKEN_INVALID', 'invalid token');
  if (claims.data.exp <= nowSeconds) throw new ApiError('TOKEN_EXPIRED', 'token expired');
  return claims.data;
}
