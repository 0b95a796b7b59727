import { type Kafka } from 'kafkajs';

/** How long a read of the high watermarks keeps trying while a partition has no leader yet. */
const LEADER_WAIT_MS = 15_000;

/**
 * Records a topic has received so far: the sum of its partitions' high watermarks. Equal to the
 * records it holds while nothing has been deleted by retention (a topic of its own, or compacted
 * registries whose offsets keep counting). A fresh topic's partitions may answer "not the leader"
 * for a moment while their leaders are elected (seen in a clean-clone CI run): such retriable
 * errors are tried again for up to 15 s.
 */
export async function topicHighWater(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const until = Date.now() + LEADER_WAIT_MS;
    for (;;) {
      try {
        const offsets = await admin.fetchTopicOffsets(topic);
        return offsets.reduce((sum, p) => sum + Number(p.high), 0);
      } catch (err) {
        if (!isRetriable(err) || Date.now() >= until) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await admin.disconnect();
  }
}

function isRetriable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { retriable?: unknown }).retriable === true;
}
