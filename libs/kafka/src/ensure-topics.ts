import { type Admin, type Kafka } from 'kafkajs';
import { KafkaAdapterError } from './kafka-error';

export interface TopicToEnsure {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs: number;
  readonly compacted: boolean;
}

/** How many copies of each partition, and how many must acknowledge a write (`config.tuning.kafka`). */
export interface TopicDurability {
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
}

/** The local single broker; production passes 3/2 from config. */
const SINGLE_BROKER: TopicDurability = { replicationFactor: 1, minInsyncReplicas: 1 };

/**
 * Creates the topics that are missing and grows the partition count of those that have fewer than
 * specified (Kafka cannot shrink a topic). Returns the names it created. Refuses, with
 * REPLICATION_IMPOSSIBLE, to create topics with more replicas than the cluster has brokers.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: readonly TopicToEnsure[],
  durability: TopicDurability = SINGLE_BROKER,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) await create(admin, missing, durability);
    const present = topics.filter((t) => existing.has(t.name));
    if (present.length > 0) {
      const meta = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const grow = present
        .map((t) => ({ t, count: meta.topics.find((m) => m.name === t.name)?.partitions.length ?? 0 }))
        .filter(({ t, count }) => count < t.partitions)
        .map(({ t }) => ({ topic: t.name, count: t.partitions }));
      if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
    }
    return missing.map((t) => t.name);
  } finally {
    await admin.disconnect();
  }
}

async function create(admin: Admin, missing: readonly TopicToEnsure[], d: TopicDurability): Promise<void> {
  const { brokers } = await admin.describeCluster();
  if (brokers.length < d.replicationFactor) {
    throw new KafkaAdapterError(
      'REPLICATION_IMPOSSIBLE',
      `replication factor ${d.replicationFactor} needs as many brokers; the cluster has ${brokers.length} (FQ_KAFKA_REPLICATION_FACTOR)`,
    );
  }
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((t) => ({
      topic: t.name,
      numPartitions: t.partitions,
      replicationFactor: d.replicationFactor,
      configEntries: [
        { name: 'cleanup.policy', value: t.compacted ? 'compact' : 'delete' },
        { name: 'retention.ms', value: String(t.retentionMs) },
        { name: 'min.insync.replicas', value: String(d.minInsyncReplicas) },
      ],
    })),
  });
}
