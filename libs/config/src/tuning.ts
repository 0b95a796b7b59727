import { z } from 'zod';
import { type Tuning } from './tuning-sections';

export type {
  ApiTuning,
  DbTuning,
  HealthTuning,
  IngestSilenceTuning,
  IngestTuning,
  KafkaTuning,
  LiveTuning,
  LoginBackoffTuning,
  MediaTuning,
  NotifyTuning,
  ReportsTuning,
  SimulatorTuning,
  Tuning,
  WarningTuning,
} from './tuning-sections';

const ms = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/**
 * The tuning variables every app may read, with their defaults: one home for the batch sizes,
 * intervals, windows, timeouts and limits that used to be constants spread over the apps. The
 * Kafka replication defaults depend on the mode (see `kafkaDefaults`), so they have none here.
 */
export const tuningEnvSchema = z.object({
  FQ_KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).optional(),
  FQ_KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().min(1).max(7).optional(),
  FQ_KAFKA_IDEMPOTENT: z.enum(['true', 'false']).default('true'),
  FQ_PG_STATEMENT_TIMEOUT_MS: ms(100, 3_600_000).default(60_000),
  FQ_PG_QUERY_TIMEOUT_MS: ms(100, 3_600_000).optional(),
  FQ_PG_CONNECT_TIMEOUT_MS: ms(100, 120_000).default(5000),
  FQ_PG_KEEPALIVE_MS: ms(1000, 600_000).default(10_000),
  FQ_HEALTH_PROGRESS_WINDOW_MS: ms(1000, 3_600_000).default(60_000),
  FQ_HEALTH_DB_TIMEOUT_MS: ms(100, 60_000).default(2000),
  FQ_SHUTDOWN_DEADLINE_MS: ms(100, 600_000).default(15_000),
  FQ_WARNING_TICK_MS: ms(100, 10 * MIN).default(5000),
  FQ_HOTSPOT_STALE_MS: ms(1000, 60 * MIN).default(2 * MIN),
  FQ_MEDIA_HEARTBEAT_MS: ms(1000, 10 * MIN).default(30_000),
  FQ_STREAMING_WINDOW_MS: ms(1000, 60 * MIN).default(90_000),
  FQ_ROUTING_POLL_MS: ms(1000, 60 * MIN).default(30_000),
  FQ_REPORTS_INTERVAL_MS: ms(1000, 24 * 60 * MIN).default(10 * MIN),
  FQ_AUDIT_CHECKPOINT_EVERY_MS: ms(1000, 60 * MIN).default(MIN),
  FQ_AUDIT_CHECKPOINT_HEARTBEAT_MS: ms(1000, DAY).default(10 * MIN),
  FQ_PLAY_TOKEN_TTL_S: z.coerce.number().int().min(30).max(86_400).default(600),
  FQ_KPI_FAST_MAX_AGE_MS: ms(0, 10 * MIN).default(10_000),
  FQ_KPI_SLOW_MAX_AGE_MS: ms(0, 60 * MIN).default(MIN),
  FQ_SILENCE_MAX_DAYS: z.coerce.number().int().min(1).max(366).default(14),
  FQ_LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(20).default(3),
  FQ_LOGIN_FIRST_DELAY_S: z.coerce.number().int().min(1).max(3600).default(5),
  FQ_LOGIN_MAX_DELAY_S: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(15 * 60),
  FQ_LOGIN_FORGET_AFTER_MS: ms(MIN, 7 * DAY).default(60 * MIN),
  FQ_LOGIN_CHALLENGE_TTL_S: z.coerce.number().int().min(60).max(3600).default(300),
  FQ_REVOCATION_POLL_MS: ms(100, MIN).default(2000),
  FQ_INGEST_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(4 * 1024)
    .max(512 * 1024)
    .default(64 * 1024),
  FQ_INGEST_MAX_FUTURE_SKEW_MS: ms(0, DAY).default(5 * MIN),
  FQ_INGEST_MAX_EVENT_AGE_DAYS: z.coerce.number().int().min(1).max(3660).default(400),
  FQ_INGEST_SOURCES_POLL_MS: ms(100, 10 * MIN).default(2000),
  FQ_SIM_HEARTBEAT_MS: ms(100, 10 * MIN).default(30_000),
  FQ_SIM_HEARTBEAT_MISSED: z.coerce.number().int().min(1).max(20).default(3),
  FQ_INGEST_SILENCE_FLAP_HOLD_MS: ms(0, 10 * MIN).default(30_000),
  FQ_NOTIFY_LEASE_MS: ms(1000, 60 * MIN).default(MIN),
  FQ_NOTIFY_BATCH: z.coerce.number().int().min(1).max(1000).default(20),
  FQ_NOTIFY_SEND_TIMEOUT_MS: ms(100, 10 * MIN).default(10_000),
  FQ_NOTIFY_STALE_CHANGE_MS: ms(MIN, DAY).default(30 * MIN),
  FQ_LIVE_WATCH_EVERY_MS: ms(50, MIN).default(500),
  FQ_LIVE_CATCH_UP_RETRY_MS: ms(100, MIN).default(2000),
});
export type TuningEnv = z.infer<typeof tuningEnvSchema>;

/** Production runs three brokers (3/2); a local single broker can only hold one replica (1/1). */
function kafkaDefaults(production: boolean): { rf: number; isr: number } {
  return production ? { rf: 3, isr: 2 } : { rf: 1, isr: 1 };
}

export function buildTuning(e: TuningEnv, production: boolean): Tuning {
  const k = kafkaDefaults(production);
  const simulator = { heartbeatMs: e.FQ_SIM_HEARTBEAT_MS };
  return {
    db: {
      statementTimeoutMs: e.FQ_PG_STATEMENT_TIMEOUT_MS,
      // Above the statement timeout, so the server's cancel (a clean error) normally comes first.
      queryTimeoutMs: e.FQ_PG_QUERY_TIMEOUT_MS ?? e.FQ_PG_STATEMENT_TIMEOUT_MS + 5000,
      connectTimeoutMs: e.FQ_PG_CONNECT_TIMEOUT_MS,
      keepAliveInitialDelayMs: e.FQ_PG_KEEPALIVE_MS,
      idleTimeoutMs: 30_000,
    },
    kafka: {
      replicationFactor: e.FQ_KAFKA_REPLICATION_FACTOR ?? k.rf,
      minInsyncReplicas: e.FQ_KAFKA_MIN_INSYNC_REPLICAS ?? k.isr,
      idempotentProducer: e.FQ_KAFKA_IDEMPOTENT === 'true',
      connectionTimeoutMs: 3000,
      retries: 8,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3000,
    },
    health: {
      progressWindowMs: e.FQ_HEALTH_PROGRESS_WINDOW_MS,
      dbTimeoutMs: e.FQ_HEALTH_DB_TIMEOUT_MS,
      shutdownDeadlineMs: e.FQ_SHUTDOWN_DEADLINE_MS,
    },
    ingest: {
      groupCommitMaxRows: 10_000,
      groupCommitLingerMs: 10,
      // camera_state's "last seen" (and bitrate, fps, frame age) is rewritten at most this often per
      // camera between changes of its online flag (decision 0019: at one heartbeat a second, 5x fewer
      // row versions); the ingest caps it at a quarter of the shortest silence window.
      stateSeenResolutionMs: 5000,
      dbProbeEveryMs: 1000,
      intakePublishDeadlineMs: 2000,
      intakeRetryAfterS: 5,
      maxMessageBytes: e.FQ_INGEST_MAX_MESSAGE_BYTES,
      maxFutureSkewMs: e.FQ_INGEST_MAX_FUTURE_SKEW_MS,
      maxEventAgeMs: e.FQ_INGEST_MAX_EVENT_AGE_DAYS * DAY,
      sourceRegistryPollMs: e.FQ_INGEST_SOURCES_POLL_MS,
      silence: {
        // Derived from the simulator's own heartbeat period, never a second value.
        windowMs: { simulator: simulator.heartbeatMs * e.FQ_SIM_HEARTBEAT_MISSED },
        sweepMs: 1000,
        flapHoldMs: e.FQ_INGEST_SILENCE_FLAP_HOLD_MS,
      },
    },
    warning: {
      tickMs: e.FQ_WARNING_TICK_MS,
      publishTimeoutMs: 10_000,
      hotspotMinIntervalMs: e.FQ_WARNING_TICK_MS,
      leaderPollMs: 500,
    },
    api: {
      accessTokenTtlSeconds: 15 * 60,
      refreshTokenTtlSeconds: 12 * 3600,
      loginLimitPerMinute: 20,
      writeLimitPerMinute: 120,
      bodyLimitBytes: 64 * 1024,
      socketMaxBufferBytes: 16 * 1024,
      hotspotStaleMs: e.FQ_HOTSPOT_STALE_MS,
      streamingWindowMs: e.FQ_STREAMING_WINDOW_MS,
      routingPollMs: e.FQ_ROUTING_POLL_MS,
      auditCheckpointEveryMs: e.FQ_AUDIT_CHECKPOINT_EVERY_MS,
      auditCheckpointHeartbeatMs: e.FQ_AUDIT_CHECKPOINT_HEARTBEAT_MS,
      playTokenTtlSeconds: e.FQ_PLAY_TOKEN_TTL_S,
      kpiFastMaxAgeMs: e.FQ_KPI_FAST_MAX_AGE_MS,
      kpiSlowMaxAgeMs: e.FQ_KPI_SLOW_MAX_AGE_MS,
      silenceMaxWindowMs: e.FQ_SILENCE_MAX_DAYS * DAY,
      outboxRetryMs: 2000,
      gridRollupPeriodMs: MIN,
      loginBackoff: {
        freeFailures: e.FQ_LOGIN_FREE_FAILURES,
        firstDelaySeconds: e.FQ_LOGIN_FIRST_DELAY_S,
        maxDelaySeconds: e.FQ_LOGIN_MAX_DELAY_S,
        forgetAfterMs: e.FQ_LOGIN_FORGET_AFTER_MS,
      },
      loginChallengeTtlSeconds: e.FQ_LOGIN_CHALLENGE_TTL_S,
      revocationPollMs: e.FQ_REVOCATION_POLL_MS,
      live: {
        watchEveryMs: e.FQ_LIVE_WATCH_EVERY_MS,
        cameraRowsMaxAgeMs: 5000,
        catchUpRetryMs: e.FQ_LIVE_CATCH_UP_RETRY_MS,
        catchUpAgainMs: 3000,
        consumerStartupWaitMs: 3000,
        resendUnchangedMs: MIN,
      },
    },
    notify: {
      leaseMs: e.FQ_NOTIFY_LEASE_MS,
      batch: e.FQ_NOTIFY_BATCH,
      sendTimeoutMs: e.FQ_NOTIFY_SEND_TIMEOUT_MS,
      staleChangeMs: e.FQ_NOTIFY_STALE_CHANGE_MS,
    },
    media: { heartbeatMs: e.FQ_MEDIA_HEARTBEAT_MS },
    reports: { scheduleIntervalMs: e.FQ_REPORTS_INTERVAL_MS },
    simulator,
  };
}
