import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A play grant: who may watch which camera until when. Format `v1.<userId>.<cameraId>.<exp>.<mac>`,
 * mac = base64url(HMAC-SHA256(key, "v1.<userId>.<cameraId>.<exp>")), key derived from the media
 * secret for this purpose only, so a publish signature can never pass as a play token.
 */
export interface PlayGrant {
  readonly userId: string;
  readonly cameraId: string;
  /** Expiry, epoch seconds. */
  readonly expiresAt: number;
}

export type PlayTokenRejection = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED' | 'WRONG_CAMERA';

export type PlayTokenVerdict =
  | { readonly ok: true; readonly grant: PlayGrant }
  | { readonly ok: false; readonly reason: PlayTokenRejection };

const VERSION = 'v1';
const SAFE = /^[A-Za-z0-9_-]{1,64}$/;

function playKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('fengqiao/media/play-token/v1').digest();
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', playKey(secret)).update(body).digest('base64url');
}

export function signPlayToken(secret: string, grant: PlayGrant): string {
  if (!SAFE.test(grant.userId) || !SAFE.test(grant.cameraId))
    throw new Error('user and camera ids must be URL-safe');
  const body = `${VERSION}.${grant.userId}.${grant.cameraId}.${Math.floor(grant.expiresAt)}`;
  return `${body}.${mac(secret, body)}`;
}

/** Checks signature first (constant time), then camera and expiry; `nowSec` is an argument (testable). */
export function verifyPlayToken(
  secret: string,
  token: string | undefined,
  cameraId: string,
  nowSec: number,
): PlayTokenVerdict {
  const parts = (token ?? '').split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) return { ok: false, reason: 'MALFORMED' };
  const [, userId = '', tokenCamera = '', exp = '', given = ''] = parts;
  const expiresAt = Number(exp);
  if (!SAFE.test(userId) || !SAFE.test(tokenCamera) || !/^\d{1,12}$/.test(exp))
    return { ok: false, reason: 'MALFORMED' };
  const expected = Buffer.from(mac(secret, parts.slice(0, 4).join('.')));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  if (tokenCamera !== cameraId) return { ok: false, reason: 'WRONG_CAMERA' };
  if (expiresAt <= nowSec) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, grant: { userId, cameraId: tokenCamera, expiresAt } };
}
