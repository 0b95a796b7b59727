import { signPlayToken, verifyPlayToken } from '@fengqiao/media-tokens';
import { streamSign } from './stream-sign';

const SECRET = 'a-media-secret-of-at-least-thirty-two-chars';
const CAMERA = '51190201011318000040';
const OTHER = '51190301011318000015';
const NOW = 1_800_000_000;
const good = signPlayToken(SECRET, { userId: 'user-1', cameraId: CAMERA, expiresAt: NOW + 300 });

describe('play tokens', () => {
  it('accept a fresh token for its own camera and return who may watch until when', () => {
    expect(verifyPlayToken(SECRET, good, CAMERA, NOW)).toEqual({
      ok: true,
      grant: { userId: 'user-1', cameraId: CAMERA, expiresAt: NOW + 300 },
    });
  });

  const tamper = (i: number, c: string): string => good.slice(0, i) + c + good.slice(i + 1);
  it.each([
    ['no token at all', undefined, CAMERA, NOW, 'MALFORMED'],
    ['an empty token', '', CAMERA, NOW, 'MALFORMED'],
    ['a token with a part missing', good.split('.').slice(0, 4).join('.'), CAMERA, NOW, 'MALFORMED'],
    ['an unknown version', good.replace(/^v1/, 'v2'), CAMERA, NOW, 'MALFORMED'],
    [
      'a node-media-server publish signature',
      streamSign(SECRET, `/live/${CAMERA}`, NOW + 60),
      CAMERA,
      NOW,
      'MALFORMED',
    ],
    ['another user put in', good.replace('user-1', 'user-2'), CAMERA, NOW, 'BAD_SIGNATURE'],
    [
      'a later expiry put in',
      good.replace(String(NOW + 300), String(NOW + 9999)),
      CAMERA,
      NOW,
      'BAD_SIGNATURE',
    ],
    ['another camera put in', good.replace(CAMERA, OTHER), OTHER, NOW, 'BAD_SIGNATURE'],
    [
      'a flipped signature character',
      tamper(good.length - 3, good.at(-3) === 'A' ? 'B' : 'A'),
      CAMERA,
      NOW,
      'BAD_SIGNATURE',
    ],
    [
      'a token signed with another secret',
      signPlayToken('x'.repeat(40), { userId: 'user-1', cameraId: CAMERA, expiresAt: NOW + 300 }),
      CAMERA,
      NOW,
      'BAD_SIGNATURE',
    ],
    ['a valid token for another camera', good, OTHER, NOW, 'WRONG_CAMERA'],
    ['a token at its expiry second', good, CAMERA, NOW + 300, 'EXPIRED'],
    ['an expired token', good, CAMERA, NOW + 301, 'EXPIRED'],
  ])('refuse %s', (_title, token, camera, now, reason) => {
    expect(verifyPlayToken(SECRET, token, camera, now)).toEqual({ ok: false, reason });
  });

  it('refuse to sign ids that would break the format', () => {
    expect(() => signPlayToken(SECRET, { userId: 'a.b', cameraId: CAMERA, expiresAt: NOW })).toThrow();
  });
});
