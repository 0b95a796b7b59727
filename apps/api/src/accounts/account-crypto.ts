import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';

/**
 * The keys of the accounts module, derived from the API's signing secret with a purpose label each
 * (so one leaked derived key says nothing of the others). Rotating FQ_JWT_SECRET therefore also
 * voids enrolled second factors: docs/operations.md says so.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`fengqiao/${purpose}/v1`).digest();
}

/** AES-256-GCM: TOTP secrets at rest (they must be read back to check a code, so not hashed). */
export function seal(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function open(key: Buffer, sealed: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined)
    throw new Error('sealed value has an unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

function randomWord(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use recovery codes, xxxx-xxxx-xxxx (60 bits each): shown once, stored as digests. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => [4, 4, 4].map(randomWord).join('-'));
}

/** High-entropy codes need no slow hash: SHA-256 keeps a database reader from using them. */
export const digestCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** A temporary password the policy accepts (upper, lower, digit, symbol; 16 characters). */
export function temporaryPassword(): string {
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ'[randomInt(24)] ?? 'A';
  return `${upper}${randomWord(10)}-${randomInt(1000, 10000)}`;
}

export function sameBytes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
