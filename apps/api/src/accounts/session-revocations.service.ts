import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type FengqiaoConfig } from '@fengqiao/config';
import { type ApiOptions, type Clock } from '../infra/api-options';
import { Database } from '../infra/database';
import { API_OPTIONS, CLOCK, CONFIG } from '../infra/tokens';

const SINCE = `
SELECT family_id::text AS sid, max(revoked_at) AS at FROM refresh_tokens
WHERE revoked_at >= $1 GROUP BY family_id`;

/**
 * Sessions ended before their access tokens expire: a revoked device token, a disabled or changed
 * account, a logout, a reused refresh token. Access tokens are stateless, so every instance keeps the
 * revoked session ids of the last access-token lifetime in memory (polled from `refresh_tokens`, so
 * a revocation made on any instance counts on all), refuses their tokens, and tells its listeners
 * (the live stream drops their sockets).
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('session-revocations');
  private readonly revoked = new Map<string, number>();
  private readonly listeners = new Set<(sessionIds: readonly string[]) => void>();
  private watermark = new Date(0);
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: FengqiaoConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.watermark = new Date(this.clock.now().getTime() - this.options.accessTokenTtlSeconds * 1000);
    await this.poll();
    this.timer = setInterval(() => {
      this.poll().catch((err: unknown) =>
        this.logger.warn(`revocation poll failed: ${err instanceof Error ? err.message : 'unknown'}`),
      );
      // FQ_REVOCATION_POLL_MS (2 s): how soon a revocation on another instance counts here (issue 16).
    }, this.config.tuning.api.revocationPollMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  isRevoked(sessionId: string | undefined): boolean {
    return sessionId !== undefined && this.revoked.has(sessionId);
  }

  /** Called with the session ids revoked since the last poll. Returns the unsubscribe. */
  onRevoked(listener: (sessionIds: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** One poll at a time; callers that changed something may await it to act at once. */
  poll(): Promise<void> {
    this.polling ??= this.readNew().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async readNew(): Promise<void> {
    const { rows } = await this.db.pool.query<{ sid: string; at: Date }>(SINCE, [this.watermark]);
    const fresh = rows.filter((r) => !this.revoked.has(r.sid)).map((r) => r.sid);
    for (const r of rows) {
      this.revoked.set(r.sid, r.at.getTime());
      if (r.at > this.watermark) this.watermark = r.at;
    }
    this.forgetOlderThan(this.watermark.getTime() - this.options.accessTokenTtlSeconds * 1000 - 60_000);
    if (fresh.length > 0) for (const l of this.listeners) l(fresh);
  }

  private forgetOlderThan(ms: number): void {
    for (const [sid, at] of this.revoked) if (at < ms) this.revoked.delete(sid);
  }
}
