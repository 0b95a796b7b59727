import { hostname } from 'node:os';
import { type FengqiaoConfig } from '@fengqiao/config';
import {
  CameraStatusAppender,
  DbPing,
  EventStoreRepository,
  PartitionMaintainer,
  createPool,
  type DbPool,
} from '@fengqiao/db';
import {
  KafkaEventPublisher,
  KafkaTransactionalPublisher,
  createBatchConsumer,
  createKafkaClient,
  ensureTopics,
} from '@fengqiao/kafka';
import { evaluateHealth, type HealthCheck } from '@fengqiao/process';
import { SourceGuard, SourceRegistryWatch } from '@fengqiao/source-auth';
import { type FastifyInstance } from 'fastify';
import { buildHttpServer } from './http/http-server';
import { IntakeService } from './http/intake.service';
import { ingestTopics, topicSpecsOf } from './ingest-topics';
import { IngestMetrics } from './metrics';
import { CameraDirectory } from './pipeline/camera-directory';
import { DbAvailability } from './pipeline/db-availability';
import { DeadLetterPublisher } from './pipeline/dead-letter.publisher';
import { EventWriter } from './pipeline/event-writer';
import { IngestConsumer } from './pipeline/ingest-consumer';
import { IngestService } from './pipeline/ingest.service';
import { noopEventsSink, type EventsSink } from './pipeline/rules-port';
import { CameraSilenceWatch } from './silence/camera-silence.watch';
import { SilenceConfirmRepository } from './silence/silence-confirm.repository';
import { SilenceSweeper, silenceAwareSink } from './silence/silence-sweeper';
import { ingestRules } from './validation/ingest-rules';

/** Wait before a new consumer client replaces one kafkajs gave up on (an invariant, not tuning). */
const CONSUMER_REVIVE_MS = 1000;

/** The production consumer group; more instances in it share the partitions. */
export const INGEST_GROUP_ID = 'fengqiao-ingest';

export interface IngestAppOptions {
  readonly groupId?: string;
  /** Private topic copies for tests and benchmarks (see ingestTopics). */
  readonly topicSuffix?: string;
  readonly port?: number;
  readonly sink?: EventsSink;
  readonly sessionTimeoutMs?: number;
  /** The intake's source registry file; default config.ingest.sourcesPath (demo sources when unset). */
  readonly sourcesPath?: string;
}

export interface IngestApp {
  readonly metrics: IngestMetrics;
  /** Consumer progress and database reachability: what /health reports. */
  readonly checks: readonly HealthCheck[];
  /** Starts HTTP first (health answers while the consumer joins), then the consumer. */
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
}

/**
 * How stale camera_state's last seen may be: the tuned resolution, but never more than a quarter of
 * the shortest silence window (another instance's silence check reads it; decision 0019).
 */
function seenResolutionOf(ingest: FengqiaoConfig['tuning']['ingest']): number {
  return Math.min(ingest.stateSeenResolutionMs, ...Object.values(ingest.silence.windowMs).map((w) => w / 4));
}

/** The composition root: every adapter and service of one ingest process. */
export function createIngestApp(config: FengqiaoConfig, options: IngestAppOptions = {}): IngestApp {
  const topics = ingestTopics(options.topicSuffix);
  const metrics = new IngestMetrics();
  const { tuning } = config;
  // What every event is checked against, on both paths (consumer and HTTP intake): the window, the city
  // and its extent.
  const rules = { ...tuning.ingest, ...ingestRules(config) };
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-ingest' });
  // One flush at a time, writing up to four table families in parallel; the spare connections
  // serve camera lookups and the outage probe.
  const pool: DbPool = createPool(config.postgres.url, {
    max: 6,
    applicationName: 'fengqiao-ingest',
    tuning: tuning.db,
  });
  const publisher = new KafkaEventPublisher(kafka, { idempotent: tuning.kafka.idempotentProducer });
  const groupId = options.groupId ?? INGEST_GROUP_ID;
  // Dead letters commit with the group's offsets (decision 0014); one transactional id per process.
  const deadLetters = new DeadLetterPublisher(
    new KafkaTransactionalPublisher(kafka, {
      transactionalId: `${groupId}-dlq-${hostname()}-${process.pid}`,
    }),
    (t) => topics.deadLetterOf(t),
    groupId,
  );
  const consumer = createBatchConsumer(config.kafka.client, kafka, config.kafka.brokers, {
    groupId,
    topics: topics.all(),
    sessionTimeoutMs: options.sessionTimeoutMs ?? tuning.kafka.sessionTimeoutMs,
    heartbeatIntervalMs: tuning.kafka.heartbeatIntervalMs,
    // A batch that outlived its session crashes kafkajs for good; a new client resumes from the
    // committed offsets (the writes are idempotent, the dead letters transactional).
    reviveAfterCrashMs: CONSUMER_REVIVE_MS,
  });
  const availability = new DbAvailability(
    pool,
    {
      pause: () => consumer.pauseAll(),
      resume: () => consumer.resumeAll(),
      onChange: (up) => metrics.dbAvailable.set(up ? 1 : 0),
    },
    tuning.ingest.dbProbeEveryMs,
  );
  const store = new EventStoreRepository();
  // Cameras that report through the ingest and fall silent go offline (docs/gb28181.md, "Silence").
  const silence = new CameraSilenceWatch(
    tuning.ingest.silence,
    new SilenceConfirmRepository(pool),
    (events) =>
      publisher.publish(
        topics.byKind.cameraStatus,
        events.map((e) => ({ key: e.cameraId, value: JSON.stringify(e) })),
      ),
    Date.now(),
  );
  const sweeper = new SilenceSweeper(silence, tuning.ingest.silence.sweepMs, Date.now);
  // Plain PostgreSQL: month partitions ahead for as long as the ingest runs (a no-op on TimescaleDB).
  const partitions = new PartitionMaintainer(
    pool,
    () => new Date(),
    (r) => {
      if (r instanceof Error || r > 0)
        process.stderr.write(
          `${JSON.stringify({ level: r instanceof Error ? 'warn' : 'info', component: 'partitions', message: r instanceof Error ? `partition maintenance failed: ${r.message}` : `created ${r} month partition(s)` })}\n`,
        );
    },
  );
  const service = new IngestService(
    topics,
    new EventWriter(
      pool,
      store,
      new CameraDirectory(pool, store),
      new CameraStatusAppender(seenResolutionOf(tuning.ingest)),
    ),
    deadLetters,
    silenceAwareSink(silence, options.sink ?? noopEventsSink, Date.now),
    { metrics, availability },
    rules,
  );
  const ingest = new IngestConsumer(consumer, service, metrics, {
    maxRows: tuning.ingest.groupCommitMaxRows,
    lingerMs: tuning.ingest.groupCommitLingerMs,
  });
  const ping = new DbPing(pool, tuning.health.dbTimeoutMs);
  const checks: HealthCheck[] = [
    { name: 'consumer', check: () => ingest.progress(tuning.health.progressWindowMs) },
    { name: 'database', check: () => ping.check() },
  ];
  const startedAt = Date.now();
  // Production refuses to start without a registry file, or with a demo key in it.
  const sources = new SourceRegistryWatch(
    options.sourcesPath ?? config.ingest.sourcesPath,
    config.mode === 'production',
    (r) => {
      metrics.sourceRegistryReloads.inc({ outcome: r.ok ? 'ok' : 'failed' });
      process.stderr.write(
        `${JSON.stringify({ level: r.ok ? 'info' : 'error', component: 'sources', message: r.ok ? `source registry reloaded (${r.sources} sources)` : `source registry not reloaded, the previous one stays: ${r.error}` })}\n`,
      );
    },
  );
  const http: FastifyInstance = buildHttpServer({
    intake: new IntakeService(topics, publisher, tuning.ingest.intakePublishDeadlineMs, rules),
    guard: new SourceGuard(() => sources.registry(), Date.now),
    metrics,
    health: { health: () => evaluateHealth(checks, startedAt, 2 * tuning.health.dbTimeoutMs) },
    retryAfterS: tuning.ingest.intakeRetryAfterS,
    maxMessageBytes: tuning.ingest.maxMessageBytes,
  });
  return {
    metrics,
    checks,
    start: async () => {
      await ensureTopics(kafka, topicSpecsOf(topics), tuning.kafka);
      await publisher.connect();
      // A key rotation in the registry file takes effect within FQ_INGEST_SOURCES_POLL_MS.
      sources.start(tuning.ingest.sourceRegistryPollMs);
      const url = await http.listen({ host: config.host, port: options.port ?? config.ingest.port });
      await ingest.start();
      partitions.start();
      sweeper.start();
      return { url };
    },
    stop: async () => {
      partitions.stop();
      await sweeper.stop();
      sources.stop();
      availability.stop();
      await http.close();
      await ingest.stop();
      await deadLetters.disconnect();
      await publisher.disconnect();
      await pool.end();
    },
  };
}
