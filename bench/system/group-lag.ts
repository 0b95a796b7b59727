import { type Admin } from 'kafkajs';

/**
 * Messages a consumer group has not committed yet on `topics` (end offsets − committed offsets;
 * a partition it never committed counts from 0: the topics are private and new).
 */
export async function groupLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<number> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  let lag = 0;
  for (const t of committed) {
    const ends = new Map((await admin.fetchTopicOffsets(t.topic)).map((p) => [p.partition, Number(p.high)]));
    for (const p of t.partitions)
      lag += Math.max(0, (ends.get(p.partition) ?? 0) - Math.max(0, Number(p.offset)));
  }
  return lag;
}
