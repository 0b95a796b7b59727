import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { OUTPUT_TOPICS } from '@fengqiao/contracts';

/**
 * Settings of the API not (yet) in @fengqiao/config. Defaults are the production values; tests
 * override the topic (isolation) and limits. Wanted in config: FQ_CORS_ORIGINS, FQ_ACCESS_TTL, ...
 */
export interface ApiOptions {
  /** Unique per process: it names this instance's consumer group, so every instance sees every change. */
  readonly instanceId: string;
  readonly alertsTopic: string;
  /** Origins allowed by CORS and by the Socket.IO handshake. */
  readonly corsOrigins: readonly string[];
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly loginLimitPerMinute: number;
  readonly writeLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly socketMaxBufferBytes: number;
}

export function defaultApiOptions(dashboardOrigins: readonly string[]): ApiOptions {
  return {
    instanceId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    alertsTopic: OUTPUT_TOPICS.alertChanges.name,
    corsOrigins: dashboardOrigins,
    // 15 min: a revoked or re-scoped user loses access within that; the wall refreshes silently.
    accessTokenTtlSeconds: 15 * 60,
    // 12 h: one duty shift; walls re-login with their device credential after that.
    refreshTokenTtlSeconds: 12 * 3600,
    // Per client address: enough for a command hall behind one NAT, too few for password guessing.
    loginLimitPerMinute: 20,
    writeLimitPerMinute: 120,
    // The largest legitimate body is a transition with a 1000-character note.
    bodyLimitBytes: 64 * 1024,
    // Clients send nothing but the handshake; 16 KiB leaves room for a JWT.
    socketMaxBufferBytes: 16 * 1024,
  };
}

/** Something that tells the time; injected so expiry and lockout are testable. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
