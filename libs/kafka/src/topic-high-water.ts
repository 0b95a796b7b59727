import { type Kafka } from 'kafkajs';

/**
 * Records a topic has received so far: the sum of its partitions' high watermarks. Equal to the
 * records it holds while nothing has been deleted by retention (a topic of its own, or compacted
 * registries whose offsets keep counting).
 */
export async function topicHighWater(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}
