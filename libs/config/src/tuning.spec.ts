import { ConfigError } from './config-error';
import { loadConfig } from './config';

const productionReady = {
  FQ_MODE: 'production',
  FQ_JWT_SECRET: 'j'.repeat(40),
  FQ_MEDIA_SECRET: 'm'.repeat(40),
  FQ_PARTY_KEY_SECRET: 'p'.repeat(40),
  FQ_AUDIT_SIGNING_KEY: 'a'.repeat(40),
  DATABASE_URL: 'postgres://u:p@db:5432/x',
  FQ_KAFKA_BROKERS: 'k1:9092,k2:9092,k3:9092',
};

describe('tuning sections', () => {
  it('replicates 3 with 2 in sync in production, 1/1 on the local single broker', () => {
    expect(loadConfig(productionReady).tuning.kafka).toMatchObject({
      replicationFactor: 3,
      minInsyncReplicas: 2,
    });
    expect(loadConfig({}).tuning.kafka).toMatchObject({ replicationFactor: 1, minInsyncReplicas: 1 });
  });

  it('derives the silence window of simulator cameras from the simulator’s own heartbeat period', () => {
    const t = loadConfig({ FQ_SIM_HEARTBEAT_MS: '5000', FQ_SIM_HEARTBEAT_MISSED: '4' }).tuning;
    expect(t.simulator.heartbeatMs).toBe(5000);
    expect(t.ingest.silence.windowMs.simulator).toBe(20_000);
    expect(loadConfig({}).tuning.simulator.heartbeatMs).toBe(30_000);
  });

  it('reads every exposed variable into its section', () => {
    const t = loadConfig({
      ...productionReady,
      FQ_KAFKA_REPLICATION_FACTOR: '5',
      FQ_KAFKA_MIN_INSYNC_REPLICAS: '3',
      FQ_KAFKA_IDEMPOTENT: 'false',
      FQ_PG_STATEMENT_TIMEOUT_MS: '2000',
      FQ_PG_QUERY_TIMEOUT_MS: '2500',
      FQ_PG_CONNECT_TIMEOUT_MS: '1500',
      FQ_PG_KEEPALIVE_MS: '4000',
      FQ_HEALTH_PROGRESS_WINDOW_MS: '45000',
      FQ_HEALTH_DB_TIMEOUT_MS: '900',
      FQ_SHUTDOWN_DEADLINE_MS: '7000',
      FQ_WARNING_TICK_MS: '2000',
      FQ_HOTSPOT_STALE_MS: '30000',
      FQ_MEDIA_HEARTBEAT_MS: '10000',
      FQ_STREAMING_WINDOW_MS: '25000',
      FQ_ROUTING_POLL_MS: '15000',
      FQ_REPORTS_INTERVAL_MS: '60000',
      FQ_AUDIT_CHECKPOINT_EVERY_MS: '30000',
      FQ_AUDIT_CHECKPOINT_HEARTBEAT_MS: '300000',
      FQ_PLAY_TOKEN_TTL_S: '120',
      FQ_KPI_FAST_MAX_AGE_MS: '5000',
      FQ_KPI_SLOW_MAX_AGE_MS: '20000',
      FQ_SILENCE_MAX_DAYS: '3',
      FQ_LOGIN_FREE_FAILURES: '5',
      FQ_LOGIN_FIRST_DELAY_S: '10',
      FQ_LOGIN_MAX_DELAY_S: '600',
      FQ_LOGIN_FORGET_AFTER_MS: '1800000',
      FQ_LOGIN_CHALLENGE_TTL_S: '120',
      FQ_REVOCATION_POLL_MS: '500',
      FQ_INGEST_MAX_MESSAGE_BYTES: '131072',
      FQ_INGEST_MAX_FUTURE_SKEW_MS: '60000',
      FQ_INGEST_MAX_EVENT_AGE_DAYS: '30',
      FQ_INGEST_SOURCES_POLL_MS: '5000',
      FQ_NOTIFY_LEASE_MS: '90000',
      FQ_NOTIFY_BATCH: '5',
      FQ_NOTIFY_SEND_TIMEOUT_MS: '4000',
      FQ_NOTIFY_STALE_CHANGE_MS: '600000',
      FQ_LIVE_WATCH_EVERY_MS: '250',
      FQ_LIVE_CATCH_UP_RETRY_MS: '1000',
    }).tuning;
    expect(t.kafka).toMatchObject({ replicationFactor: 5, minInsyncReplicas: 3, idempotentProducer: false });
    expect(t.db).toMatchObject({
      statementTimeoutMs: 2000,
      queryTimeoutMs: 2500,
      connectTimeoutMs: 1500,
      keepAliveInitialDelayMs: 4000,
    });
    expect(t.health).toEqual({ progressWindowMs: 45_000, dbTimeoutMs: 900, shutdownDeadlineMs: 7000 });
    expect(t.warning).toMatchObject({ tickMs: 2000, hotspotMinIntervalMs: 2000 });
    expect(t.api).toMatchObject({
      hotspotStaleMs: 30_000,
      streamingWindowMs: 25_000,
      routingPollMs: 15_000,
      auditCheckpointEveryMs: 30_000,
      auditCheckpointHeartbeatMs: 300_000,
      playTokenTtlSeconds: 120,
      kpiFastMaxAgeMs: 5000,
      kpiSlowMaxAgeMs: 20_000,
      silenceMaxWindowMs: 3 * 86_400_000,
      loginBackoff: {
        freeFailures: 5,
        firstDelaySeconds: 10,
        maxDelaySeconds: 600,
        forgetAfterMs: 1_800_000,
      },
      loginChallengeTtlSeconds: 120,
      revocationPollMs: 500,
    });
    expect(t.ingest).toMatchObject({
      maxMessageBytes: 131_072,
      maxFutureSkewMs: 60_000,
      maxEventAgeMs: 30 * 86_400_000,
      sourceRegistryPollMs: 5000,
    });
    expect(t.media.heartbeatMs).toBe(10_000);
    expect(t.reports.scheduleIntervalMs).toBe(60_000);
    expect(t.notify).toEqual({ leaseMs: 90_000, batch: 5, sendTimeoutMs: 4000, staleChangeMs: 600_000 });
    expect(t.api.live).toMatchObject({ watchEveryMs: 250, catchUpRetryMs: 1000 });
  });

  it('keeps the notify delivery mechanics and the live stream timers that were constants in the apps', () => {
    const t = loadConfig({}).tuning;
    expect(t.notify).toEqual({
      leaseMs: 60_000,
      batch: 20,
      sendTimeoutMs: 10_000,
      staleChangeMs: 30 * 60_000,
    });
    expect(t.api.live).toEqual({
      watchEveryMs: 500,
      cameraRowsMaxAgeMs: 5000,
      catchUpRetryMs: 2000,
      catchUpAgainMs: 3000,
      consumerStartupWaitMs: 3000,
      resendUnchangedMs: 60_000,
    });
  });

  it('keeps the login back-off of issue 17 #6 by default (3 free, 5 s doubling to 15 min, forgotten after 1 h)', () => {
    const api = loadConfig({}).tuning.api;
    expect(api.loginBackoff).toEqual({
      freeFailures: 3,
      firstDelaySeconds: 5,
      maxDelaySeconds: 900,
      forgetAfterMs: 3_600_000,
    });
    expect(api.loginChallengeTtlSeconds).toBe(300);
    expect(api.revocationPollMs).toBe(2000);
  });

  it('keeps the ingest input limits by default (64 KiB, 5 min ahead, 400 days back, registry poll 2 s)', () => {
    expect(loadConfig({}).tuning.ingest).toMatchObject({
      maxMessageBytes: 65_536,
      maxFutureSkewMs: 300_000,
      maxEventAgeMs: 400 * 86_400_000,
      sourceRegistryPollMs: 2000,
    });
  });

  it('derives the client query timeout above the server statement timeout', () => {
    const db = loadConfig({ FQ_PG_STATEMENT_TIMEOUT_MS: '8000' }).tuning.db;
    expect(db.queryTimeoutMs).toBeGreaterThan(db.statementTimeoutMs);
  });

  it.each([
    [
      'a hotspot staleness within two warning heartbeats',
      { FQ_HOTSPOT_STALE_MS: '10000' },
      'FQ_HOTSPOT_STALE_MS',
    ],
    [
      'a warning tick that makes the default staleness too short',
      { FQ_WARNING_TICK_MS: '60000' },
      'FQ_WARNING_TICK_MS',
    ],
    [
      'a streaming window within two media heartbeats',
      { FQ_STREAMING_WINDOW_MS: '50000' },
      'FQ_MEDIA_HEARTBEAT_MS',
    ],
    [
      'a query timeout below the statement timeout',
      { FQ_PG_QUERY_TIMEOUT_MS: '1000' },
      'FQ_PG_QUERY_TIMEOUT_MS',
    ],
    [
      'a progress window shorter than a rebalance',
      { FQ_HEALTH_PROGRESS_WINDOW_MS: '5000' },
      'session timeout',
    ],
    [
      'more replicas on the embedded single broker',
      { FQ_KAFKA_REPLICATION_FACTOR: '3' },
      'embedded single broker',
    ],
    [
      'more in-sync replicas than replicas',
      { FQ_KAFKA_BROKERS: 'k:9092', FQ_KAFKA_REPLICATION_FACTOR: '2', FQ_KAFKA_MIN_INSYNC_REPLICAS: '3' },
      'FQ_KAFKA_MIN_INSYNC_REPLICAS',
    ],
    [
      'an audit checkpoint heartbeat within one checkpoint tick',
      { FQ_AUDIT_CHECKPOINT_EVERY_MS: '600000' },
      'FQ_AUDIT_CHECKPOINT_HEARTBEAT_MS',
    ],
    [
      'live KPI tiles older than the slow ones',
      { FQ_KPI_FAST_MAX_AGE_MS: '120000' },
      'FQ_KPI_SLOW_MAX_AGE_MS',
    ],
    ['a play token shorter than 30 s', { FQ_PLAY_TOKEN_TTL_S: '5' }, 'FQ_PLAY_TOKEN_TTL_S'],
    ['a silence window of zero days', { FQ_SILENCE_MAX_DAYS: '0' }, 'FQ_SILENCE_MAX_DAYS'],
    ['a non-number', { FQ_PG_KEEPALIVE_MS: 'soon' }, 'FQ_PG_KEEPALIVE_MS'],
    ['a first login delay above the longest', { FQ_LOGIN_FIRST_DELAY_S: '1200' }, 'FQ_LOGIN_MAX_DELAY_S'],
    [
      'a login failure count forgotten before the longest wait ends',
      { FQ_LOGIN_MAX_DELAY_S: '7200' },
      'FQ_LOGIN_FORGET_AFTER_MS',
    ],
    [
      'an ingest message limit below the API body limit',
      { FQ_INGEST_MAX_MESSAGE_BYTES: '32768' },
      'FQ_INGEST_MAX_MESSAGE_BYTES',
    ],
    [
      'an ingest message limit above 512 KiB',
      { FQ_INGEST_MAX_MESSAGE_BYTES: '1048576' },
      'FQ_INGEST_MAX_MESSAGE_BYTES',
    ],
    ['an event age of zero days', { FQ_INGEST_MAX_EVENT_AGE_DAYS: '0' }, 'FQ_INGEST_MAX_EVENT_AGE_DAYS'],
    [
      'a clock skew over a day',
      { FQ_INGEST_MAX_FUTURE_SKEW_MS: '172800000' },
      'FQ_INGEST_MAX_FUTURE_SKEW_MS',
    ],
    ['a registry poll under 100 ms', { FQ_INGEST_SOURCES_POLL_MS: '10' }, 'FQ_INGEST_SOURCES_POLL_MS'],
    ['no free login failure', { FQ_LOGIN_FREE_FAILURES: '0' }, 'FQ_LOGIN_FREE_FAILURES'],
    ['a sign-in step shorter than a minute', { FQ_LOGIN_CHALLENGE_TTL_S: '10' }, 'FQ_LOGIN_CHALLENGE_TTL_S'],
    ['a revocation poll slower than a minute', { FQ_REVOCATION_POLL_MS: '120000' }, 'FQ_REVOCATION_POLL_MS'],
    [
      'a notify lease that can end during one send',
      { FQ_NOTIFY_SEND_TIMEOUT_MS: '60000' },
      'FQ_NOTIFY_LEASE_MS',
    ],
    ['a notify batch of zero', { FQ_NOTIFY_BATCH: '0' }, 'FQ_NOTIFY_BATCH'],
  ])('refuses %s at load, naming the variable', (_title, env, named) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(named);
  });
});

describe('media ports', () => {
  it('default to 19350 / 8000 / 18001, and the public URL follows the gateway port', () => {
    const m = loadConfig({}).media;
    expect(m).toMatchObject({ rtmpPort: 19350, httpPort: 8000, internalHttpPort: 18001 });
    expect(m.publicUrl).toBe('http://127.0.0.1:8000');
  });

  it('reads FQ_MEDIA_RTMP_PORT, FQ_MEDIA_HTTP_PORT and FQ_MEDIA_INTERNAL_HTTP_PORT', () => {
    const m = loadConfig({
      FQ_MEDIA_RTMP_PORT: '1935',
      FQ_MEDIA_HTTP_PORT: '8080',
      FQ_MEDIA_INTERNAL_HTTP_PORT: '18081',
    }).media;
    expect(m).toMatchObject({ rtmpPort: 1935, httpPort: 8080, internalHttpPort: 18081 });
    expect(m.publicUrl).toBe('http://127.0.0.1:8080');
    expect(
      loadConfig({ FQ_MEDIA_HTTP_PORT: '8080', FQ_MEDIA_PUBLIC_URL: 'https://v.example.cn/' }).media
        .publicUrl,
    ).toBe('https://v.example.cn');
  });

  it('refuses a port out of range, naming it', () => {
    expect(() => loadConfig({ FQ_MEDIA_RTMP_PORT: '70000' })).toThrow(/FQ_MEDIA_RTMP_PORT/);
  });
});
