import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with node:crypto's HMAC: no dependency for forty lines, and
 * checked against the RFCs' own test vectors (totp.spec.ts). Authenticator apps use the defaults:
 * SHA-1, 6 digits, 30-second steps.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpParams {
  readonly algorithm: TotpAlgorithm;
  readonly digits: number;
  readonly stepSeconds: number;
}

export const APP_TOTP: TotpParams = { algorithm: 'sha1', digits: 6, stepSeconds: 30 };

/** RFC 4226 section 5.3: dynamic truncation of HMAC(key, counter) to `digits` decimal digits. */
export function hotp(key: Buffer, counter: number, digits: number, algorithm: TotpAlgorithm): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The time step (RFC 6238 T) of a moment. */
export function timeStep(unixSeconds: number, params: TotpParams = APP_TOTP): number {
  return Math.floor(unixSeconds / params.stepSeconds);
}

export function totp(key: Buffer, unixSeconds: number, params: TotpParams = APP_TOTP): string {
  return hotp(key, timeStep(unixSeconds, params), params.digits, params.algorithm);
}

/**
 * The step a code matches, allowing one step of clock drift either way, or null. Only steps after
 * `lastStep` count: a code already used (or an older one) is refused, so a code seen over a
 * shoulder cannot be replayed within its window.
 */
export function matchTotp(
  key: Buffer,
  code: string,
  unixSeconds: number,
  lastStep: number | null,
  params: TotpParams = APP_TOTP,
): number | null {
  const now = timeStep(unixSeconds, params);
  const given = Buffer.from(code);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = Buffer.from(hotp(key, step, params.digits, params.algorithm));
    if (expected.length === given.length && timingSafeEqual(expected, given)) return step;
  }
  return null;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding, as otpauth:// URIs carry secrets. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = BASE32.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The Key URI Format of authenticator apps (Google Authenticator's wiki): what the QR code holds. */
export function otpauthUri(issuer: string, account: string, secretBase32: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(APP_TOTP.digits),
    period: String(APP_TOTP.stepSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
