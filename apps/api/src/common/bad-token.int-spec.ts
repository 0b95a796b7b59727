import request from 'supertest';
import { type ApiErrorCode, type UserRole } from '@fengqiao/contracts';
import { signAccessToken } from '../auth/jwt';
import { type ApiHarness, startApi } from '../testing/api-harness';
import { expectCleanError } from './expect-clean-error';

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const admin = {
  sub: '00000000-0000-4000-8000-000000000000',
  name: 'admin',
  role: 'admin' as const,
  regions: [],
};
const claims = { ...admin, iss: 'fengqiao-api', typ: 'access', iat: 0, exp: 9_999_999_999 };
const ALERT = '/api/alerts/00000000-0000-4000-8000-000000000001';

describe('forged, expired and foreign tokens and wrong roles get a clean 401 / 403', () => {
  let api: ApiHarness;
  let officerToken: string;

  beforeAll(async () => {
    api = await startApi({ loginLimitPerMinute: 1000 });
    officerToken = (await api.login('duty-officer')).accessToken;
  });
  afterAll(async () => {
    await api.close();
  });

  /** The officer's real token with the payload swapped for an admin's: the signature no longer fits. */
  const tampered = (): string => {
    const [header, , signature] = officerToken.split('.');
    return `${header}.${b64(claims)}.${signature}`;
  };

  type TokenCase = [string, () => string | undefined, ApiErrorCode];
  const tokenCases: TokenCase[] = [
    ['no authorization header', () => undefined, 'UNAUTHENTICATED'],
    [
      'a Basic credential',
      () => `Basic ${Buffer.from('admin:admin-demo-2026').toString('base64')}`,
      'UNAUTHENTICATED',
    ],
    ['an empty bearer', () => 'Bearer ', 'UNAUTHENTICATED'],
    ['a 5,000-character bearer', () => `Bearer ${'a'.repeat(5000)}`, 'UNAUTHENTICATED'],
    [
      'a token of two parts',
      () => `Bearer ${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`,
      'TOKEN_INVALID',
    ],
    [
      'a token signed with a guessed secret',
      () => `Bearer ${signAccessToken({ ...admin, iat: 0, exp: 9_999_999_999 }, 'secret')}`,
      'TOKEN_INVALID',
    ],
    ['a real token with a tampered payload', () => `Bearer ${tampered()}`, 'TOKEN_INVALID'],
    [
      'alg:none without a signature',
      () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      'TOKEN_INVALID',
    ],
    [
      'alg:NONE with a signature',
      () => `Bearer ${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(claims)}.c2ln`,
      'TOKEN_INVALID',
    ],
    ['alg:HS512', () => `Bearer ${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}.c2ln`, 'TOKEN_INVALID'],
    [
      'a refresh-typed token signed with the real secret',
      () => {
        const header = officerToken.split('.')[0] ?? '';
        const real = signAccessToken({ ...admin, iat: 0, exp: 9_999_999_999 }, api.config.api.jwtSecret);
        // Same secret, but the claims say typ "refresh": the signature fits, the shape does not.
        return `Bearer ${header}.${b64({ ...claims, typ: 'refresh' })}.${real.split('.')[2] ?? ''}`;
      },
      'TOKEN_INVALID',
    ],
    [
      'an expired token',
      () => `Bearer ${signAccessToken({ ...admin, iat: 1, exp: 2 }, api.config.api.jwtSecret)}`,
      'TOKEN_EXPIRED',
    ],
  ];

  it.each(tokenCases)('%s → 401 %s', async (_title, authorization, code) => {
    const req = request(api.url).get('/api/auth/me');
    const value = authorization();
    const res = await (value === undefined ? req : req.set('authorization', value));
    expectCleanError(res, 401, code);
  });

  type RoleCase = [UserRole, 'GET' | 'POST', string, object | undefined];
  const roleCases: RoleCase[] = [
    ['wall', 'POST', `${ALERT}/acknowledge`, { version: 1, note: 'x' }],
    ['analyst', 'POST', `${ALERT}/resolve`, { version: 1, outcome: 'handled' }],
    ['intake-clerk', 'GET', '/api/alerts', undefined],
    ['wall', 'GET', '/api/trends/series.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z', undefined],
    ['duty-officer', 'GET', '/api/audit/verify', undefined],
    ['duty-officer', 'POST', '/api/auth/device-tokens', { username: 'wall', label: 'x' }],
    // Invalid body and wrong role: the role is refused first, so nothing about the body is revealed.
    ['analyst', 'POST', `${ALERT}/silence`, { nonsense: true }],
  ];

  it.each(roleCases)('%s: %s %s → 403 FORBIDDEN', async (role, method, path, body) => {
    const token = (await api.login(role)).accessToken;
    const req = method === 'GET' ? request(api.url).get(path) : request(api.url).post(path).send(body);
    expectCleanError(await req.set('authorization', `Bearer ${token}`), 403, 'FORBIDDEN');
  });
});
