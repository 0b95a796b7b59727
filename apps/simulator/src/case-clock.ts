import { ActiveCaseClockCache, type ActiveCaseClock, type DbPool } from '@fengqiao/db';

/** The active rule set's case clock, followed while the simulator runs. */
export interface FollowedCaseClock {
  readonly current: () => ActiveCaseClock;
  stop(): void;
}

/**
 * Stamps case deadlines from the ACTIVE rule set, as the API does (libs/db ActiveCaseClockCache):
 * loaded before the first case is planned, then polled every `pollMs`, so an activation during a
 * run reaches the cases planned after it.
 */
export async function followCaseClock(
  pool: DbPool,
  pollMs: number,
  log: (line: string) => void,
): Promise<FollowedCaseClock> {
  const cache = new ActiveCaseClockCache(pool, (c) =>
    log(`simulator: case deadlines from rule set version ${c.version}`),
  );
  await cache.refresh();
  cache.start(pollMs, (err) =>
    log(`simulator: RULE_SET_REFRESH_FAILED: ${err instanceof Error ? err.message : String(err)}`),
  );
  return { current: () => cache.current(), stop: () => cache.stop() };
}
