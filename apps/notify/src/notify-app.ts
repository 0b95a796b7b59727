import { type FengqiaoConfig } from '@fengqiao/config';
import { alertChangedSchema, OUTPUT_TOPICS } from '@fengqiao/contracts';
import {
  ActiveVersionCache,
  AlertStore,
  DbPing,
  DUTY_ROSTERS_TABLE,
  NOTIFICATION_POLICIES_TABLE,
  NotificationPreferencesRepository,
  NotificationsRepository,
  VersionedDocumentsRepository,
  createPool,
} from '@fengqiao/db';
import { cityNameOf } from '@fengqiao/geo';
import { KafkaBatchConsumer, createKafkaClient, ensureTopics, type ConsumedBatch } from '@fengqiao/kafka';
import { parseDutyRoster, parseNotificationPolicy } from '@fengqiao/notify';
import { type HealthCheck } from '@fengqiao/process';
import { configuredChannels } from './channels/channel-registry';
import { Dispatcher } from './delivery/dispatcher';
import { NotificationPlanner } from './planning/notification-planner';
import { RegionNames } from './planning/region-names';

/** One group for every notify instance: each alert change is planned once (the rows dedupe too). */
export const NOTIFY_GROUP_ID = 'fengqiao-notify';

export interface NotifyAppOptions {
  /** The alert changes topic (tests use their own). */
  readonly alertsTopic?: string;
  readonly groupId?: string;
  readonly now?: () => number;
  /** Dispatcher period; 0: no timer (tests call `dispatch()`). Default config.notify.pollMs. */
  readonly pollMs?: number;
}

export interface NotifyApp {
  readonly checks: readonly HealthCheck[];
  readonly stats: { changes: number; invalid: number; planned: number };
  start(): Promise<void>;
  isJoined(): boolean;
  dispatch(): Promise<number>;
  stop(): Promise<void>;
}

function log(level: 'info' | 'error', message: string, extra: Record<string, unknown> = {}): void {
  process.stderr.write(`${JSON.stringify({ level, component: 'notify', message, ...extra })}\n`);
}

/** The composition root of one notify process: alert changes in, notifications out. */
export function createNotifyApp(config: FengqiaoConfig, options: NotifyAppOptions = {}): NotifyApp {
  const now = options.now ?? Date.now;
  const cfg = config.notify;
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-notify' });
  const pool = createPool(config.postgres.url, {
    max: 3,
    applicationName: 'fengqiao-notify',
    tuning: config.tuning.db,
  });
  const notifications = new NotificationsRepository();
  const planner = new NotificationPlanner({
    pool,
    roster: new ActiveVersionCache(
      pool,
      new VersionedDocumentsRepository(DUTY_ROSTERS_TABLE),
      parseDutyRoster,
    ),
    // The notification policy is a versioned document too: an activation applies to the next change.
    policy: new ActiveVersionCache(
      pool,
      new VersionedDocumentsRepository(NOTIFICATION_POLICIES_TABLE),
      parseNotificationPolicy,
    ),
    preferences: new NotificationPreferencesRepository(),
    notifications,
    staleChangeMs: config.tuning.notify.staleChangeMs,
  });
  const channels = configuredChannels(cfg, { now, sendTimeoutMs: config.tuning.notify.sendTimeoutMs });
  const dispatcher = new Dispatcher({
    pool,
    notifications,
    alerts: new AlertStore(),
    channels,
    regions: new RegionNames(pool, cityNameOf(config.city)),
    config: cfg,
    tuning: config.tuning.notify,
  });
  const topic = options.alertsTopic ?? OUTPUT_TOPICS.alertChanges.name;
  const consumer = new KafkaBatchConsumer(kafka, {
    groupId: options.groupId ?? NOTIFY_GROUP_ID,
    topics: [topic],
    concurrency: 3,
  });
  const stats = { changes: 0, invalid: 0, planned: 0 };
  const onBatch = async (batch: ConsumedBatch): Promise<void> => {
    for (const m of batch.messages) {
      const parsed = alertChangedSchema.safeParse(JSON.parse(m.value?.toString('utf8') ?? 'null'));
      if (!parsed.success) {
        stats.invalid += 1;
        continue;
      }
      stats.changes += 1;
      stats.planned += await planner.handle(parsed.data, now());
    }
    // A page planned for now goes out without waiting for the next poll.
    void dispatch().catch((err: unknown) => log('error', 'dispatch failed', { error: String(err) }));
  };
  let running: Promise<number> | undefined;
  const dispatch = (): Promise<number> =>
    (running ??= dispatcher.runOnce(now()).finally(() => (running = undefined)));
  const ping = new DbPing(pool, config.tuning.health.dbTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  return {
    stats,
    checks: [
      { name: 'consumer', check: () => consumer.progress.check(config.tuning.health.progressWindowMs) },
      { name: 'database', check: () => ping.check() },
    ],
    start: async () => {
      const { partitions, retentionMs, compacted } = OUTPUT_TOPICS.alertChanges;
      await ensureTopics(kafka, [{ name: topic, partitions, retentionMs, compacted }], config.tuning.kafka);
      await consumer.start(onBatch);
      const every = options.pollMs ?? cfg.pollMs;
      if (every > 0)
        timer = setInterval(
          () =>
            void dispatch().catch((err: unknown) => log('error', 'dispatch failed', { error: String(err) })),
          every,
        );
      log('info', 'started', { channels: [...channels.keys()] });
    },
    isJoined: () => consumer.isJoined(),
    dispatch,
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      await consumer.stop();
      await running?.catch(() => undefined);
      for (const c of channels.values()) await c.close?.();
      await pool.end();
    },
  };
}
