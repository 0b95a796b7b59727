import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DEMO_SOURCE } from './source-registry';

/** The signature scheme's version; the header reads `v1=<64 hex digits>`. */
export const SIGNATURE_VERSION = 'v1';

/**
 * The bytes a source signs: `<unix seconds>.<request path>.<body>` (path without the query). The
 * path binds a signature to its endpoint, the timestamp to its replay window, the body to itself.
 */
export function canonicalOf(timestamp: string, path: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.${path}.`, 'utf8'), body]);
}

/** HMAC-SHA256 of the canonical bytes under `secret`, as the header value `v1=<hex>`. */
export function signRequest(secret: string, timestamp: string, path: string, body: Buffer): string {
  const mac = createHmac('sha256', secret)
    .update(canonicalOf(timestamp, path, body))
    .digest('hex');
  return `${SIGNATURE_VERSION}=${mac}`;
}

/** Constant-time comparison of two strings of any length (their SHA-256 digests are compared). */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** True when `header` is a well-formed v1 signature of the request under `secret`. */
export function signatureMatches(
  header: string,
  secret: string,
  timestamp: string,
  path: string,
  body: Buffer,
): boolean {
  if (!/^v1=[0-9a-f]{64}$/.test(header)) return false;
  return sameSecret(header, signRequest(secret, timestamp, path, body));
}

/** The headers a signed request carries, ready for fetch or curl (the test producers and the docs). */
export function signedHeaders(
  source: { id: string; secret: string },
  path: string,
  body: Buffer,
  nowMs: number,
): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'x-fq-source': source.id,
    'x-fq-timestamp': timestamp,
    'x-fq-signature': signRequest(source.secret, timestamp, path, body),
  };
}

/** Headers signed as the built-in demo source (test producers and the demo; production refuses it). */
export function demoSignedHeaders(
  path: string,
  body: Buffer | string,
  nowMs: number = Date.now(),
): Record<string, string> {
  const key = DEMO_SOURCE.keys[0];
  if (key === undefined) throw new Error('the demo source has a key');
  return signedHeaders(
    { id: DEMO_SOURCE.id, secret: key.secret },
    path,
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
    nowMs,
  );
}
