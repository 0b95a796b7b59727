import { type Kafka } from 'kafkajs';

export interface TopicToEnsure {
  readonly name: string;
  readonly partitions: number;
  readonly retentionMs: number;
  readonly compacted: boolean;
}

/**
 * Creates the topics that are missing and grows the partition count of those that have fewer than
 * specified (Kafka cannot shrink a topic). Returns the names it created.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicToEnsure[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: [
            { name: 'cleanup.policy', value: t.compacted ? 'compact' : 'delete' },
            { name: 'retention.ms', value: String(t.retentionMs) },
          ],
        })),
      });
    }
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
