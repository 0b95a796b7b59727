import { type FengqiaoConfig } from '@fengqiao/config';
import { ruleSetSchema, type RuleSetInput } from '@fengqiao/contracts';
import {
  AlertOutboxRelay,
  AlertStore,
  DbPing,
  HotspotScoresRepository,
  activeRuleSetCache,
  createPool,
} from '@fengqiao/db';
import {
  KafkaAlertChangeSink,
  KafkaBatchConsumer,
  KafkaEventPublisher,
  createKafkaClient,
  ensureTopics,
} from '@fengqiao/kafka';
import { type HealthCheck } from '@fengqiao/process';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { systemClock, type Clock } from './clock.port';
import { AlertRecorder } from './engine/alert-recorder';
import { ControlPoller, type ControlEvent } from './engine/control-poller';
import { Leadership, type LeaderRole, type LeadershipEvent } from './engine/leadership';
import { WarningService, type WarningStats } from './engine/warning.service';
import { HotspotPublisher } from './hotspots/hotspot-publisher';
import { WarningConsumer } from './messaging/warning-consumer';
import { CamerasRepository } from './persistence/cameras.repository';
import { ControlRepository } from './persistence/control.repository';
import { HistoryRepository } from './persistence/history.repository';
import { LeaderLock } from './persistence/leader-lock';
import { warningTopics } from './warning-topics';

/**
 * Its own consumer group, not inside ingest: the rules need every partition of every input topic
 * in one process (a township's window sees all its cameras and cases), while ingest scales by
 * sharing partitions; and a separate group can replay without re-writing the event tables. So one
 * instance of the group leads and consumes, the others stand by (decision 0014).
 */
export const WARNING_GROUP_ID = 'fengqiao-warning';

export interface WarningAppOptions {
  readonly groupId?: string;
  readonly topicSuffix?: string;
  /** Where alert changes go; defaults to the suffixed `warning.alert.changed.v1` (tests aim it elsewhere). */
  readonly alertsTopic?: string;
  /** A fixed rule set instead of the rule_sets table (tests of the engine alone). */
  readonly ruleSet?: RuleSetInput;
  readonly clock?: Clock;
  /** Tick period; 0 disables the timer (tests call `tick()` themselves). Default config.tuning.warning. */
  readonly tickMs?: number;
  /** How long one outbox publication may wait for Kafka's ack. Default 10 s. */
  readonly publishTimeoutMs?: number;
  /** Least time between two rewrites of hotspot_scores. Default 5 s. */
  readonly hotspotMinIntervalMs?: number;
  /** How long the group waits for a silent member (the fault tier shortens it). Default 30 s. */
  readonly sessionTimeoutMs?: number;
}

export interface WarningApp {
  readonly stats: WarningStats;
  /** Consumer progress and database reachability: what /health reports (libs/process). */
  readonly checks: readonly HealthCheck[];
  start(): Promise<void>;
  isJoined(): boolean;
  /** Leader (consuming), standby (waiting for the leader lock) or stopped. */
  role(): LeaderRole;
  /** Polls rule sets and silences, judges time, and publishes what the outbox holds. */
  tick(): Promise<void>;
  /** Writes the engine's top hotspots when changed (throttled); true when the list was rewritten. */
  publishHotspots(): Promise<boolean>;
  /** Publishes what the outbox holds now; resolves with the number of changes published. */
  flushOutbox(): Promise<number>;
  versionOf(alertId: string): number | undefined;
  ruleSetVersion(): number;
  stop(): Promise<void>;
}

function log(level: 'info' | 'error', message: string, extra: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ level, component: 'warning', message, ...extra })}\n`);
}
const logError =
  (message: string) =>
  (err: unknown): void =>
    log('error', message, { error: err instanceof Error ? err.message : String(err) });
const logControl = (e: ControlEvent): void =>
  log(e.kind === 'rule-set-invalid' ? 'error' : 'info', e.kind, { ...e });
const logLeadership = (e: LeadershipEvent): void =>
  log(e.kind === 'leadership-error' ? 'error' : 'info', e.kind, { ...e });

/** The composition root of one warning process. */
export function createWarningApp(config: FengqiaoConfig, options: WarningAppOptions = {}): WarningApp {
  const topics = warningTopics(options.topicSuffix);
  const { tuning } = config;
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-warning' });
  // One connection holds the leader lock for as long as this instance leads.
  const pool = createPool(config.postgres.url, {
    max: 5,
    applicationName: 'fengqiao-warning',
    tuning: tuning.db,
  });
  const producer = new KafkaEventPublisher(kafka, { idempotent: tuning.kafka.idempotentProducer });
  const alerts = new AlertStore();
  // The lease: a leader silent (paused, frozen) for as long as its consumer session is deposed.
  const lock = new LeaderLock(
    pool,
    `warning:${options.groupId ?? WARNING_GROUP_ID}`,
    options.sessionTimeoutMs ?? tuning.kafka.sessionTimeoutMs,
  );
  const clock = options.clock ?? systemClock;
  const sink = new KafkaAlertChangeSink(
    producer,
    options.alertsTopic ?? topics.byKind.alertChanges,
    options.publishTimeoutMs ?? tuning.warning.publishTimeoutMs,
  );
  const relay = new AlertOutboxRelay(pool, alerts, sink, logError('outbox publish failed'));
  const service = new WarningService(
    options.ruleSet ?? DEFAULT_RULE_SET,
    {
      pool,
      alerts,
      cameras: new CamerasRepository(),
      history: new HistoryRepository(),
      recorder: new AlertRecorder(pool, alerts, (tx) => lock.fence(tx)),
      relay,
    },
    clock,
  );
  const controlRepo = new ControlRepository();
  const control =
    options.ruleSet === undefined
      ? new ControlPoller(pool, activeRuleSetCache(pool), controlRepo, service, clock, logControl)
      : undefined;
  const groupId = options.groupId ?? WARNING_GROUP_ID;
  // Fenced like alert writes: a deposed leader neither rewrites nor withdraws the new leader's list.
  const hotspots = new HotspotPublisher(pool, new HotspotScoresRepository(), service, {
    minIntervalMs: options.hotspotMinIntervalMs ?? tuning.warning.hotspotMinIntervalMs,
    fence: (tx) => lock.fence(tx),
  });
  const ping = new DbPing(pool, tuning.health.dbTimeoutMs);
  // The consumer of the current leadership term; none on a standby.
  let term: { batches: KafkaBatchConsumer; consumer: WarningConsumer } | undefined;
  const checks: HealthCheck[] = [
    {
      name: 'consumer',
      check: () =>
        term?.batches.progress.check(tuning.health.progressWindowMs) ?? {
          ok: true,
          detail: `standby: another instance of ${groupId} leads (role ${leadership.current})`,
        },
    },
    { name: 'database', check: () => ping.check() },
  ];
  const publishHotspots = (): Promise<boolean> => hotspots.publish(clock.now());
  const tick = async (): Promise<void> => {
    await control?.refresh();
    await service.tick();
    relay.kick();
    await publishHotspots().catch(logError('hotspot publish failed'));
  };
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  const leadership = new Leadership(
    lock,
    {
      lead: async () => {
        // The active rule set and silences first, so the rebuild judges with what operators chose.
        await control?.refresh();
        await service.rebuild();
        // What a previous leader recorded but could not publish goes out before anything new.
        await relay.flush().catch(logError('outbox publish failed'));
        // One batch at a time: the engine state is serial by design.
        const batches = new KafkaBatchConsumer(kafka, {
          groupId,
          topics: topics.all(),
          concurrency: 1,
          sessionTimeoutMs: options.sessionTimeoutMs,
        });
        term = { batches, consumer: new WarningConsumer(batches, topics, service) };
        await term.consumer.start();
        const every = options.tickMs ?? tuning.warning.tickMs;
        if (every > 0) timer = setInterval(() => void tick().catch(logError('tick failed')), every);
      },
      stepDown: async (final) => {
        if (timer !== undefined) clearInterval(timer);
        timer = undefined;
        const ending = term;
        term = undefined;
        await ending?.consumer.stop().catch(logError('consumer stop failed'));
        // A clean stop withdraws the list while the lock is still held (the fence lets it);
        // a lost lock withdraws nothing: the list is the new leader's by now.
        if (final) await hotspots.retire().catch(logError('hotspot retire failed'));
        // Whatever it holds was judged under a lock that is gone: the next term rebuilds.
        service.invalidate();
      },
      alive: () => term?.batches.hasGivenUp() !== true,
    },
    tuning.warning.leaderPollMs,
    logLeadership,
  );
  return {
    stats: service.stats,
    checks,
    start: async () => {
      await ensureTopics(kafka, topics.specs(), tuning.kafka);
      await producer.connect();
      await controlRepo.ensureDefaultRuleSet(pool, ruleSetSchema.parse(DEFAULT_RULE_SET));
      await leadership.start();
    },
    isJoined: () => term?.consumer.isJoined() ?? false,
    role: () => leadership.current,
    tick,
    publishHotspots,
    flushOutbox: () => relay.flush(),
    versionOf: (alertId) => service.versionOf(alertId),
    ruleSetVersion: () => service.ruleSetVersion,
    // Idempotent: a second stop (a test's afterAll after its own stop) waits for the first one
    // instead of retiring hotspots through a pool that is already ended.
    stop: () =>
      (stopping ??= (async () => {
        await leadership.stop();
        await relay.idle();
        await producer.disconnect();
        await pool.end();
      })()),
  };
}
