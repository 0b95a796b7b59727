import { type FengqiaoConfig } from '@fengqiao/config';
import { type RuleSetInput } from '@fengqiao/contracts';
import { createPool } from '@fengqiao/db';
import { KafkaBatchConsumer, KafkaEventPublisher, createKafkaClient, ensureTopics } from '@fengqiao/kafka';
import { DEFAULT_RULE_SET } from '@fengqiao/rules';
import { systemClock, type Clock } from './clock.port';
import { AlertRecorder } from './engine/alert-recorder';
import { WarningService, type WarningStats } from './engine/warning.service';
import { AlertChangePublisher } from './messaging/alert-change.publisher';
import { WarningConsumer } from './messaging/warning-consumer';
import { AlertsRepository } from './persistence/alerts.repository';
import { CamerasRepository } from './persistence/cameras.repository';
import { HistoryRepository } from './persistence/history.repository';
import { warningTopics } from './warning-topics';

/**
 * Its own consumer group, not inside ingest: the rules need every partition of every input topic
 * in one process (a township's window sees all its cameras and cases), while ingest scales by
 * sharing partitions; and a separate group can replay without re-writing the event tables.
 */
export const WARNING_GROUP_ID = 'fengqiao-warning';

export interface WarningAppOptions {
  readonly groupId?: string;
  readonly topicSuffix?: string;
  readonly ruleSet?: RuleSetInput;
  readonly clock?: Clock;
  /** Tick period; 0 disables the timer (tests call `tick()` themselves). Default 5 s. */
  readonly tickMs?: number;
}

export interface WarningApp {
  readonly stats: WarningStats;
  start(): Promise<void>;
  isJoined(): boolean;
  tick(): Promise<void>;
  versionOf(alertId: string): number | undefined;
  stop(): Promise<void>;
}

/** The composition root of one warning process. */
export function createWarningApp(config: FengqiaoConfig, options: WarningAppOptions = {}): WarningApp {
  const topics = warningTopics(options.topicSuffix);
  const kafka = createKafkaClient({ brokers: config.kafka.brokers, clientId: 'fengqiao-warning' });
  const pool = createPool(config.postgres.url, { max: 3, applicationName: 'fengqiao-warning' });
  const producer = new KafkaEventPublisher(kafka);
  const alerts = new AlertsRepository();
  const service = new WarningService(
    options.ruleSet ?? DEFAULT_RULE_SET,
    {
      pool,
      alerts,
      cameras: new CamerasRepository(),
      history: new HistoryRepository(),
      recorder: new AlertRecorder(pool, alerts),
      publisher: new AlertChangePublisher(producer, topics.byKind.alertChanges),
    },
    options.clock ?? systemClock,
  );
  // One batch at a time: the engine state is serial by design.
  const batches = new KafkaBatchConsumer(kafka, {
    groupId: options.groupId ?? WARNING_GROUP_ID,
    topics: topics.all(),
    concurrency: 1,
  });
  const consumer = new WarningConsumer(batches, topics, service);
  let timer: NodeJS.Timeout | undefined;
  return {
    stats: service.stats,
    start: async () => {
      await ensureTopics(kafka, topics.specs());
      await producer.connect();
      await service.rebuild();
      await consumer.start();
      const every = options.tickMs ?? 5000;
      if (every > 0) timer = setInterval(() => void service.tick().catch(logTickError), every);
    },
    isJoined: () => consumer.isJoined(),
    tick: () => service.tick(),
    versionOf: (alertId) => service.versionOf(alertId),
    stop: async () => {
      if (timer !== undefined) clearInterval(timer);
      await consumer.stop();
      await producer.disconnect();
      await pool.end();
    },
  };
}

function logTickError(err: unknown): void {
  const error = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', component: 'warning', message: 'tick failed', error })}\n`,
  );
}
