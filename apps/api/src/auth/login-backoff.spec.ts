import { backoffSeconds, MAX_DELAY_S, secondsLeft } from './login-backoff';

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
    expect(backoffSeconds(failures)).toBe(seconds);
  });

  it('rounds the time left up to whole seconds, never 0 while blocked', () => {
    const now = new Date('2026-12-06T12:00:00.000Z');
    expect(secondsLeft(new Date(now.getTime() + 1), now)).toBe(1);
    expect(secondsLeft(new Date(now.getTime() + 4_001), now)).toBe(5);
    expect(secondsLeft(now, now)).toBe(0);
    expect(secondsLeft(null, now)).toBe(0);
  });
});
