import { createHash, timingSafeEqual } from 'node:crypto';

/** The fields of an `Authorization: Digest ...` header (RFC 2617), as sent: hashed exactly as given. */
export interface DigestCredentials {
  readonly username: string;
  readonly realm: string;
  readonly nonce: string;
  readonly uri: string;
  readonly response: string;
  readonly qop?: string;
  readonly nc?: string;
  readonly cnonce?: string;
  readonly algorithm?: string;
}

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

/** Parses `Digest k="v", k=v, ...`; undefined when it is not a Digest header with the required fields. */
export function parseDigest(header: string | undefined): DigestCredentials | undefined {
  if (header === undefined || header.length > 2048) return undefined;
  const m = /^\s*Digest\s+(.*)$/is.exec(header);
  if (m === null) return undefined;
  const fields = new Map<string, string>();
  const re = /([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g;
  for (let f = re.exec(m[1] ?? ''); f !== null; f = re.exec(m[1] ?? ''))
    fields.set((f[1] ?? '').toLowerCase(), f[2] ?? f[3] ?? '');
  const get = (k: string): string | undefined => fields.get(k);
  const [username, realm, nonce, uri, response] = ['username', 'realm', 'nonce', 'uri', 'response'].map(get);
  if (username === undefined || realm === undefined || nonce === undefined) return undefined;
  if (uri === undefined || response === undefined) return undefined;
  return {
    username,
    realm,
    nonce,
    uri,
    response,
    qop: get('qop'),
    nc: get('nc'),
    cnonce: get('cnonce'),
    algorithm: get('algorithm'),
  };
}

/** The expected `response` for these credentials and password (MD5; qop=auth or none). */
export function digestResponse(method: string, c: DigestCredentials, password: string): string {
  const ha1 = md5(`${c.username}:${c.realm}:${password}`);
  const ha2 = md5(`${method}:${c.uri}`);
  if (c.qop !== undefined && c.qop !== '')
    return md5(`${ha1}:${c.nonce}:${c.nc ?? ''}:${c.cnonce ?? ''}:${c.qop}:${ha2}`);
  return md5(`${ha1}:${c.nonce}:${ha2}`);
}

/** True when the response matches (constant time). Only MD5 is accepted: what devices implement. */
export function verifyDigest(method: string, c: DigestCredentials, password: string): boolean {
  if (c.algorithm !== undefined && c.algorithm.toUpperCase() !== 'MD5') return false;
  const expected = Buffer.from(digestResponse(method, c, password));
  const given = Buffer.from(c.response.toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The `WWW-Authenticate` value of a 401 challenge. */
export function digestChallenge(realm: string, nonce: string): string {
  return `Digest realm="${realm}", nonce="${nonce}", qop="auth", algorithm=MD5`;
}
