import { signAckLink, verifyAckLink } from './ack-link';
import { retryDelayMs } from './retry';
import { RateGate } from './rate-gate';

const secret = 'notify-test-secret-of-some-length';
const grant = {
  notificationId: '11111111-1111-4111-8111-111111111111',
  userId: '22222222-2222-4222-8222-222222222222',
  alertId: '33333333-3333-4333-8333-333333333333',
  expiresAt: 1_800_000_600,
};
const NOW = 1_800_000_000_000;

describe('acknowledgement link tokens', () => {
  const token = signAckLink(secret, grant);
  it('verifies before its expiry', () => {
    expect(verifyAckLink(secret, token, NOW)).toEqual({ ok: true, grant });
  });
  it('is expired at its expiry', () => {
    expect(verifyAckLink(secret, token, grant.expiresAt * 1000)).toEqual({ ok: false, reason: 'EXPIRED' });
  });
  it.each([
    ['another secret', () => verifyAckLink('another-secret', token, NOW), 'BAD_SIGNATURE'],
    [
      'another user',
      () => verifyAckLink(secret, token.replace(grant.userId, grant.alertId), NOW),
      'BAD_SIGNATURE',
    ],
    [
      'a later expiry',
      () => verifyAckLink(secret, token.replace('1800000600', '1900000600'), NOW),
      'BAD_SIGNATURE',
    ],
    ['garbage', () => verifyAckLink(secret, 'a1.x.y', NOW), 'MALFORMED'],
    ['a non-uuid id', () => verifyAckLink(secret, token.replace(grant.alertId, 'x'), NOW), 'MALFORMED'],
  ])('a token with %s is refused', (_what, check, reason) => {
    expect(check()).toEqual({ ok: false, reason });
  });
});

describe('retries and rate spacing', () => {
  const policy = { baseMs: 1000, maxMs: 5000, maxAttempts: 5 };
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 5000],
    [5, undefined],
  ])('after %i failure(s) the next try waits %s ms', (attempt, delay) => {
    expect(retryDelayMs(policy, attempt)).toBe(delay);
  });

  it('one robot key sends at most once per spacing; keys are independent', () => {
    const gate = new RateGate(3000);
    expect([
      gate.reserve('a', 0),
      gate.reserve('a', 100),
      gate.reserve('b', 100),
      gate.reserve('a', 10_000),
    ]).toEqual([0, 3000, 100, 10_000]);
  });
});
