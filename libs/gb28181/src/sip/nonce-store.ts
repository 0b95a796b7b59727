/**
 * Nonces we issued in 401 challenges. Each is good for one successful REGISTER within its lifetime:
 * a second use (a replayed request) or an unknown/expired nonce is refused. Bounded: the oldest are
 * forgotten first, so a flood of unauthenticated REGISTERs costs at most `capacity` entries.
 */
export class NonceStore {
  // Insertion order = issue order, so the first key is always the oldest.
  private readonly issued = new Map<string, number>();
  // Used nonces until their lifetime ends, so a replay is told apart from a forged nonce (metrics).
  private readonly used = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 100_000,
  ) {}

  remember(nonce: string, nowMs: number): void {
    this.issued.set(nonce, nowMs + this.ttlMs);
    trim(this.issued, this.capacity);
  }

  /** 'fresh' once, then 'replayed' until its lifetime ends; 'unknown' for one we never issued (or forgot), 'expired' past its life. */
  consume(nonce: string, nowMs: number): 'fresh' | 'replayed' | 'unknown' | 'expired' {
    const expiresAt = this.issued.get(nonce);
    if (expiresAt === undefined) {
      const usedUntil = this.used.get(nonce);
      return usedUntil !== undefined && usedUntil >= nowMs ? 'replayed' : 'unknown';
    }
    this.issued.delete(nonce);
    if (expiresAt < nowMs) return 'expired';
    this.used.set(nonce, expiresAt);
    trim(this.used, this.capacity);
    return 'fresh';
  }

  /** Looks without using it up (a wrong password must not burn the nonce a retry may carry). */
  isLive(nonce: string, nowMs: number): boolean {
    const expiresAt = this.issued.get(nonce);
    return expiresAt !== undefined && expiresAt >= nowMs;
  }

  get size(): number {
    return this.issued.size;
  }
}

function trim(map: Map<string, number>, capacity: number): void {
  while (map.size > capacity) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) return;
    map.delete(oldest);
  }
}
