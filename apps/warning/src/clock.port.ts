/** Where "now" comes from: the wall clock in production, a hand-moved clock in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
