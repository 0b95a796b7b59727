/**
 * Per-account back-off after failed logins (issue 17 #6): the first few failures cost nothing (a
 * typo), then each further failure doubles the wait, up to 15 minutes. Keyed per account, not per
 * address, so one guesser behind the command hall's proxy slows only the account it guesses.
 */
export const FREE_FAILURES = 3;
export const FIRST_DELAY_S = 5;
export const MAX_DELAY_S = 15 * 60;
/** A failure this long after the previous one starts counting afresh. */
export const FORGET_AFTER_MS = 60 * 60 * 1000;

/** Seconds an account waits after its `failures`-th consecutive failure (0: none yet). */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_S, FIRST_DELAY_S * 2 ** Math.min(failures - FREE_FAILURES, 20));
}

/** Whole seconds left until `until` (at least 1), or 0 when it has passed. */
export function secondsLeft(until: Date | null, now: Date): number {
  if (until === null || until <= now) return 0;
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
