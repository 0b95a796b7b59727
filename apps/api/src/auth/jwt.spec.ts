import { ApiError } from '../common/api-error';
import { signAccessToken, verifyAccessToken } from './jwt';

const SECRET = 'test-secret-of-enough-length-0123456789';
const claims = {
  sub: '00000000-0000-4000-8000-000000000001',
  name: 'wall',
  role: 'wall' as const,
  regions: [],
  iat: 1000,
  exp: 2000,
};
const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'accepted';
  } catch (err) {
    return err instanceof ApiError ? err.code : 'other';
  }
};

describe('HS256 access tokens', () => {
  const good = signAccessToken(claims, SECRET);
  const [header, payload] = good.split('.') as [string, string, string];

  it('round-trips the claims before expiry', () => {
    expect(verifyAccessToken(good, SECRET, 1500)).toMatchObject({ sub: claims.sub, role: 'wall' });
  });

  it.each([
    ['expired', good, 2000, 'TOKEN_EXPIRED'],
    ['signed with another secret', signAccessToken(claims, 'other'), 1500, 'TOKEN_INVALID'],
    ['alg none, no signature', `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 1500, 'TOKEN_INVALID'],
    [
      'alg none with our header text replaced',
      `${b64({ alg: 'none' })}.${payload}.${good.split('.')[2]}`,
      1500,
      'TOKEN_INVALID',
    ],
    [
      'HS512 header',
      `${b64({ alg: 'HS512', typ: 'JWT' })}.${payload}.${good.split('.')[2]}`,
      1500,
      'TOKEN_INVALID',
    ],
    [
      'payload swapped to admin',
      `${header}.${b64({ ...claims, role: 'admin' })}.${good.split('.')[2]}`,
      1500,
      'TOKEN_INVALID',
    ],
    ['two parts', `${header}.${payload}`, 1500, 'TOKEN_INVALID'],
    ['garbage', 'a.b.c', 1500, 'TOKEN_INVALID'],
  ])('refuses a token %s', (_title, token, now, code) => {
    expect(codeOf(() => verifyAccessToken(token, SECRET, now))).toBe(code);
  });
});
