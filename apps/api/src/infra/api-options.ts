import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type ApiTuning } from '@fengqiao/config';
import { OUTPUT_TOPICS } from '@fengqiao/contracts';

/**
 * What one API instance runs with: its identity and topic, and the limits of config.tuning.api
 * (their one home and documentation: libs/config/src/tuning.ts). Tests override the topic
 * (isolation) and limits here instead of in the environment.
 */
/** The limits of config.tuning.api that tests may override per instance (their types stay there). */
type OverridableLimits = Pick<
  ApiTuning,
  | 'accessTokenTtlSeconds'
  | 'refreshTokenTtlSeconds'
  | 'loginLimitPerMinute'
  | 'writeLimitPerMinute'
  | 'bodyLimitBytes'
  | 'socketMaxBufferBytes'
>;

export interface ApiOptions extends OverridableLimits {
  /** Unique per process: it names this instance's consumer group, so every instance sees every change. */
  readonly instanceId: string;
  readonly alertsTopic: string;
  /** Origins allowed by CORS and by the Socket.IO handshake. */
  readonly corsOrigins: readonly string[];
  /**
   * Administrators must sign in with a second factor (issue 16). Unset: required in production mode
   * only, so development's demo administrator signs in with its password; tests set it.
   */
  readonly adminTotpRequired?: boolean;
}

export function defaultApiOptions(tuning: ApiTuning, dashboardOrigins: readonly string[]): ApiOptions {
  return {
    instanceId: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    alertsTopic: OUTPUT_TOPICS.alertChanges.name,
    corsOrigins: dashboardOrigins,
    ...pickLimits(tuning),
  };
}

function pickLimits(t: ApiTuning): OverridableLimits {
  const { accessTokenTtlSeconds, refreshTokenTtlSeconds, loginLimitPerMinute } = t;
  const { writeLimitPerMinute, bodyLimitBytes, socketMaxBufferBytes } = t;
  return {
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds,
    loginLimitPerMinute,
    writeLimitPerMinute,
    bodyLimitBytes,
    socketMaxBufferBytes,
  };
}

/** Something that tells the time; injected so expiry and lockout are testable. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
