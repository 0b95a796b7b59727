import { z } from 'zod';

const ms = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const MIN = 60_000;

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
});
export type TuningEnv = z.infer<typeof tuningEnvSchema>;

/** PostgreSQL client settings of every pool (libs/db createPool). */
export interface DbTuning {
  /** Server-side limit of one statement (SET statement_timeout). */
  readonly statementTimeoutMs: number;
  /** Client-side limit of one query, also when the server never answers (half-open connection). */
  readonly queryTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** TCP keepalive's first probe after this much silence on a connection. */
  readonly keepAliveInitialDelayMs: number;
  readonly idleTimeoutMs: number;
}

/** Topic durability and producer settings (libs/kafka). */
export interface KafkaTuning {
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
  /** Idempotent producer (one request in flight per connection keeps the order); acks are always all. */
  readonly idempotentProducer: boolean;
  readonly connectionTimeoutMs: number;
  /** Retries of a failed request before it is given up (about 30 s of backoff at 8). */
  readonly retries: number;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
}

/** What every long-running app's /health means (libs/process). */
export interface HealthTuning {
  /** A consumer with work waiting that committed nothing for this long is not healthy. */
  readonly progressWindowMs: number;
  /** The database must answer `select 1` within this. */
  readonly dbTimeoutMs: number;
  /** A stop that takes longer is abandoned with exit code 1. */
  readonly shutdownDeadlineMs: number;
}

export interface IngestTuning {
  /** Rows per group commit; tuned with bench/ingest (a few thousand amortise the round trip). */
  readonly groupCommitMaxRows: number;
  /** Linger that collects the partition batches of one fetch into one commit. */
  readonly groupCommitLingerMs: number;
  /** How often a database outage is probed (consumption stays paused meanwhile). */
  readonly dbProbeEveryMs: number;
  /** HTTP intake: how long a publish may wait for Kafka before answering 503. */
  readonly intakePublishDeadlineMs: number;
  /** HTTP intake: the Retry-After of that 503. */
  readonly intakeRetryAfterS: number;
}

export interface WarningTuning {
  /** Rule-set and silence poll, time judgement, outbox kick and hotspot heartbeat. */
  readonly tickMs: number;
  /** How long one outbox publication may wait for Kafka's ack. */
  readonly publishTimeoutMs: number;
  /** Least time between two rewrites of hotspot_scores (the heartbeat the API trusts). */
  readonly hotspotMinIntervalMs: number;
  /** A standby tries the leader lock, and the leader checks it still holds it, this often (decision 0014). */
  readonly leaderPollMs: number;
}

export interface ApiTuning {
  /** A revoked or re-scoped user loses access within this; the wall refreshes silently. */
  readonly accessTokenTtlSeconds: number;
  /** One duty shift; walls re-login with their device credential after that. */
  readonly refreshTokenTtlSeconds: number;
  /** Per client address: enough for a command hall behind one NAT, too few for password guessing. */
  readonly loginLimitPerMinute: number;
  readonly writeLimitPerMinute: number;
  /** The largest legitimate body is a transition with a 1000-character note. */
  readonly bodyLimitBytes: number;
  /** Clients send nothing but the handshake; 16 KiB leaves room for a JWT. */
  readonly socketMaxBufferBytes: number;
  /** The warning service's scores are trusted while its heartbeat is younger than this. */
  readonly hotspotStaleMs: number;
  /** A camera counts as streaming while the media service reported it within this. */
  readonly streamingWindowMs: number;
  /** Every API instance follows a routing-table activation within this. */
  readonly routingPollMs: number;
}

export interface MediaTuning {
  /** How often the media service reports each published stream's status. */
  readonly heartbeatMs: number;
}

export interface ReportsTuning {
  /** A period that ends at Beijing midnight is reported within this. */
  readonly scheduleIntervalMs: number;
}

/** Every tuning section, parsed once with the rest of the config. */
export interface Tuning {
  readonly db: DbTuning;
  readonly kafka: KafkaTuning;
  readonly health: HealthTuning;
  readonly ingest: IngestTuning;
  readonly warning: WarningTuning;
  readonly api: ApiTuning;
  readonly media: MediaTuning;
  readonly reports: ReportsTuning;
}

/** Production runs three brokers (3/2); a local single broker can only hold one replica (1/1). */
function kafkaDefaults(production: boolean): { rf: number; isr: number } {
  return production ? { rf: 3, isr: 2 } : { rf: 1, isr: 1 };
}

export function buildTuning(e: TuningEnv, production: boolean): Tuning {
  const k = kafkaDefaults(production);
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
      dbProbeEveryMs: 1000,
      intakePublishDeadlineMs: 2000,
      intakeRetryAfterS: 5,
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
    },
    media: { heartbeatMs: e.FQ_MEDIA_HEARTBEAT_MS },
    reports: { scheduleIntervalMs: e.FQ_REPORTS_INTERVAL_MS },
  };
}
