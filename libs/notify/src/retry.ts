/** How failed deliveries are retried: exponential back-off with a cap and a last attempt. */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
}

/**
 * The delay before attempt `attempt + 1` after `attempt` failures (1-based): base, 2×base, 4×base …
 * capped at maxMs; undefined when the attempts are used up (the notification is then failed).
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  return Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
}
