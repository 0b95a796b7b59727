import { type LoginBackoffTuning } from '@fengqiao/config';

/**
 * Per-account back-off after failed logins (issue 17 #6): the first few failures cost nothing (a
 * typo), then each further failure doubles the wait, up to the most (15 minutes by default). Keyed
 * per account, not per address, so one guesser behind the command hall's proxy slows only the
 * account it guesses. The numbers are config (FQ_LOGIN_*, `config.tuning.api.loginBackoff`).
 */

/** Seconds an account waits after its `failures`-th consecutive failure (0: none yet). */
export function backoffSeconds(failures: number, policy: LoginBackoffTuning): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 20);
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** doublings);
}

/** Whole seconds left until `until` (at least 1), or 0 when it has passed. */
export function secondsLeft(until: Date | null, now: Date): number {
  if (until === null || until <= now) return 0;
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
