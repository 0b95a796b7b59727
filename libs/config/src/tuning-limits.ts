import { type Tuning } from './tuning';

/** What is known about the brokers at load: the embedded stack runs exactly one. */
export interface BrokerFacts {
  readonly embedded: boolean;
}

/**
 * Limits that couple settings read by different apps (a heartbeat in one, the staleness judged from
 * it in another). Checked once at load, so a deployment that breaks one never starts.
 */
export function tuningProblems(t: Tuning, brokers: BrokerFacts): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const heartbeat = Math.max(t.warning.tickMs, t.warning.hotspotMinIntervalMs);
  need(
    t.api.hotspotStaleMs > 2 * heartbeat,
    `FQ_HOTSPOT_STALE_MS (${t.api.hotspotStaleMs}) must exceed twice the warning service's heartbeat FQ_WARNING_TICK_MS (${heartbeat}): one late beat must not flip the walls to counts`,
  );
  need(
    t.api.streamingWindowMs > 2 * t.media.heartbeatMs,
    `FQ_STREAMING_WINDOW_MS (${t.api.streamingWindowMs}) must exceed twice FQ_MEDIA_HEARTBEAT_MS (${t.media.heartbeatMs}): one late report must not mark a streaming camera dark`,
  );
  need(
    t.db.queryTimeoutMs >= t.db.statementTimeoutMs,
    `FQ_PG_QUERY_TIMEOUT_MS (${t.db.queryTimeoutMs}) must be at least FQ_PG_STATEMENT_TIMEOUT_MS (${t.db.statementTimeoutMs}): the server's cancel should come first`,
  );
  need(
    t.health.progressWindowMs > t.health.dbTimeoutMs,
    `FQ_HEALTH_PROGRESS_WINDOW_MS (${t.health.progressWindowMs}) must exceed FQ_HEALTH_DB_TIMEOUT_MS (${t.health.dbTimeoutMs})`,
  );
  need(
    t.health.progressWindowMs >= t.kafka.sessionTimeoutMs,
    `FQ_HEALTH_PROGRESS_WINDOW_MS (${t.health.progressWindowMs}) must be at least the consumer session timeout (${t.kafka.sessionTimeoutMs}): a rebalance may hold a consumer that long`,
  );
  need(
    t.kafka.minInsyncReplicas <= t.kafka.replicationFactor,
    `FQ_KAFKA_MIN_INSYNC_REPLICAS (${t.kafka.minInsyncReplicas}) must not exceed FQ_KAFKA_REPLICATION_FACTOR (${t.kafka.replicationFactor}): no write could ever be acknowledged`,
  );
  need(
    !brokers.embedded || t.kafka.replicationFactor === 1,
    `FQ_KAFKA_REPLICATION_FACTOR (${t.kafka.replicationFactor}) cannot exceed 1 on the embedded single broker (set FQ_KAFKA_BROKERS for a cluster)`,
  );
  need(
    t.api.auditCheckpointHeartbeatMs > t.api.auditCheckpointEveryMs,
    `FQ_AUDIT_CHECKPOINT_HEARTBEAT_MS (${t.api.auditCheckpointHeartbeatMs}) must exceed FQ_AUDIT_CHECKPOINT_EVERY_MS (${t.api.auditCheckpointEveryMs}): the heartbeat is judged on that tick`,
  );
  need(
    t.api.kpiFastMaxAgeMs <= t.api.kpiSlowMaxAgeMs,
    `FQ_KPI_FAST_MAX_AGE_MS (${t.api.kpiFastMaxAgeMs}) must not exceed FQ_KPI_SLOW_MAX_AGE_MS (${t.api.kpiSlowMaxAgeMs}): the live tiles would lag the slow ones`,
  );
  need(
    t.ingest.maxMessageBytes >= t.api.bodyLimitBytes,
    `FQ_INGEST_MAX_MESSAGE_BYTES (${t.ingest.maxMessageBytes}) must be at least the API's body limit (${t.api.bodyLimitBytes}): a case the API accepted would be dead-lettered for its size`,
  );
  need(
    t.notify.leaseMs > t.notify.sendTimeoutMs,
    `FQ_NOTIFY_LEASE_MS (${t.notify.leaseMs}) must exceed FQ_NOTIFY_SEND_TIMEOUT_MS (${t.notify.sendTimeoutMs}): a lease that ends during a send lets a second sender page the same person again`,
  );
  const backoff = t.api.loginBackoff;
  need(
    backoff.firstDelaySeconds <= backoff.maxDelaySeconds,
    `FQ_LOGIN_FIRST_DELAY_S (${backoff.firstDelaySeconds}) must not exceed FQ_LOGIN_MAX_DELAY_S (${backoff.maxDelaySeconds})`,
  );
  need(
    backoff.forgetAfterMs > backoff.maxDelaySeconds * 1000,
    `FQ_LOGIN_FORGET_AFTER_MS (${backoff.forgetAfterMs}) must exceed FQ_LOGIN_MAX_DELAY_S (${backoff.maxDelaySeconds} s): a guesser who waits out the longest wait would start afresh`,
  );
  return problems;
}
