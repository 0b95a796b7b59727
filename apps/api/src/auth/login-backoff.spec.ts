import { loadConfig } from '@fengqiao/config';
import { backoffSeconds, secondsLeft } from './login-backoff';

const policy = loadConfig({}).tuning.api.loginBackoff;
const MAX_DELAY_S = 15 * 60;

describe('per-account login back-off', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 5],
    [4, 10],
    [5, 20],
    [9, 320],
    [11, MAX_DELAY_S],
    [500, MAX_DELAY_S],
  ])('after %i failures waits %i s', (failures, seconds) => {
    expect(backoffSeconds(failures, policy)).toBe(seconds);
  });

  it('follows the configured policy (FQ_LOGIN_*)', () => {
    const strict = { freeFailures: 1, firstDelaySeconds: 30, maxDelaySeconds: 100, forgetAfterMs: 3_600_000 };
    expect(backoffSeconds(0, strict)).toBe(0);
    expect(backoffSeconds(1, strict)).toBe(30);
    expect(backoffSeconds(2, strict)).toBe(60);
    expect(backoffSeconds(3, strict)).toBe(100);
  });

  it('rounds the time left up to whole seconds, never 0 while blocked', () => {
    const now = new Date('2026-12-06T12:00:00.000Z');
    expect(secondsLeft(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsLeft(new Date(now.getTime() + 4_001), now)).toBe(5);
    expect(secondsLeft(now, now)).toBe(0);
    expect(secondsLeft(null, now)).toBe(0);
  });
});
