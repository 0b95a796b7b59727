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
  /** Between online/offline changes, camera_state's last-seen columns are rewritten at most this often. */
  readonly stateSeenResolutionMs: number;
  /** How often a database outage is probed (consumption stays paused meanwhile). */
  readonly dbProbeEveryMs: number;
  /** HTTP intake: how long a publish may wait for Kafka before answering 503. */
  readonly intakePublishDeadlineMs: number;
  /** HTTP intake: the Retry-After of that 503. */
  readonly intakeRetryAfterS: number;
  /**
   * Largest message the ingest accepts, from Kafka or HTTP (every valid contract fits in a few KiB);
   * at least the API's body limit, so a case the API accepted is never dead-lettered for its size.
   */
  readonly maxMessageBytes: number;
  /** Clock skew tolerated for an event from the future. */
  readonly maxFutureSkewMs: number;
  /** The oldest event still taken (the native partitions reach 26 months back; the history fills 90 days). */
  readonly maxEventAgeMs: number;
  /** How often the intake looks for a changed source registry file (a key rotation takes effect within it). */
  readonly sourceRegistryPollMs: number;
  /** Silence of cameras that report through the ingest (docs/gb28181.md, "Silence"). */
  readonly silence: IngestSilenceTuning;
}

export interface IngestSilenceTuning {
  /**
   * Per status source the ingest watches: heartbeat interval × missed count (simulator:
   * FQ_SIM_HEARTBEAT_MS × FQ_SIM_HEARTBEAT_MISSED). Devices and the media service are watched by
   * the services that hear them (apps/gb28181, apps/media).
   */
  readonly windowMs: { readonly simulator: number };
  /** Tick of the timing wheel and of the sweep; an offline comes at most one tick after its window. */
  readonly sweepMs: number;
  /** No offline sooner than this after the camera's last change. */
  readonly flapHoldMs: number;
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

/**
 * Per-account back-off after failed logins (issue 17 #6): the first failures cost nothing (a typo),
 * then each further one doubles the wait up to the most. Keyed per account, not per address.
 */
export interface LoginBackoffTuning {
  /** Consecutive failures that cost nothing. */
  readonly freeFailures: number;
  /** The wait after the first failure beyond the free ones; it doubles with each further one. */
  readonly firstDelaySeconds: number;
  /** The longest wait. */
  readonly maxDelaySeconds: number;
  /** A failure this long after the previous one starts counting afresh (must outlast the longest wait). */
  readonly forgetAfterMs: number;
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
  /**
   * Every API instance (and the simulator) follows a rule-set or routing-table activation within
   * this: the poll of every versioned-document cache, the KPI deadlines' included.
   */
  readonly routingPollMs: number;
  /** How often the audit chain's newest rows are signed into a checkpoint. */
  readonly auditCheckpointEveryMs: number;
  /** A checkpoint is signed at least this often even with no new rows (verify-audit's staleness). */
  readonly auditCheckpointHeartbeatMs: number;
  /**
   * Lifetime of a video play token (the media gateway refuses it after). 10 min: long enough for a
   * patrol dwell, short enough that a revoked user stops seeing video soon; the player renews before
   * expiry (each renewal is audited like the first play).
   */
  readonly playTokenTtlSeconds: number;
  /** How long KPI tiles cheap to compute (open alerts, cameras) are served from memory. */
  readonly kpiFastMaxAgeMs: number;
  /** How long the expensive KPI tiles (30-day on-time rates) are served from memory. */
  readonly kpiSlowMaxAgeMs: number;
  /** The longest silence an officer may set (a longer one is refused, not clipped). */
  readonly silenceMaxWindowMs: number;
  /** How often an API instance retries its alert outbox when no change kicked it. */
  readonly outboxRetryMs: number;
  /** How often the grid analytics rollup is brought up to date. */
  readonly gridRollupPeriodMs: number;
  readonly loginBackoff: LoginBackoffTuning;
  /** How long a sign-in step (new password, second-factor code) may take after the password. */
  readonly loginChallengeTtlSeconds: number;
  /**
   * How often every API instance reads newly revoked sessions (`refresh_tokens`): a revocation made
   * on any instance refuses the session's access tokens on all within this ("within seconds").
   */
  readonly revocationPollMs: number;
  readonly live: LiveTuning;
}

/** The live stream to the walls (apps/api/src/live). */
export interface LiveTuning {
  /** How often the stream status (Kafka tail joined, stream lag) is looked at. */
  readonly watchEveryMs: number;
  /** The camera-status rows sent to a joining wall are reused for this long. */
  readonly cameraRowsMaxAgeMs: number;
  /** After a failed catch-up from the database, the next try comes after this. */
  readonly catchUpRetryMs: number;
  /** After a rejoin of the Kafka tail, the database is read again this much later (what the join missed). */
  readonly catchUpAgainMs: number;
  /** How long the API's start waits for the alert tail to join before serving anyway. */
  readonly consumerStartupWaitMs: number;
  /** Unchanged KPI tiles and camera status are re-sent this often anyway (each asOf tells the wall it is fresh). */
  readonly resendUnchangedMs: number;
}

/** The notify service's delivery mechanics (apps/notify); the policy is a versioned document. */
export interface NotifyTuning {
  /** A claimed notification is ours this long before another sender may take it (crash recovery). */
  readonly leaseMs: number;
  /** Notifications claimed per dispatcher pass. */
  readonly batch: number;
  /** One HTTP send (webhook, robots, SMS) is abandoned after this and retried; below the lease. */
  readonly sendTimeoutMs: number;
  /** An alert change older than this is not paged on (a first start reads the topic from its start). */
  readonly staleChangeMs: number;
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
  readonly notify: NotifyTuning;
  readonly reports: ReportsTuning;
  readonly simulator: SimulatorTuning;
}

export interface SimulatorTuning {
  /**
   * Each simulated camera's heartbeat period at rate 1 (FQ_SIM_HEARTBEAT_MS; --rate X divides it).
   * The ingest's silence window for simulator cameras is this × FQ_SIM_HEARTBEAT_MISSED.
   */
  readonly heartbeatMs: number;
}
