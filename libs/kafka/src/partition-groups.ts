import { type Admin, type ICustomPartitioner, type PartitionMetadata } from 'kafkajs';
import { KafkaAdapterError } from './kafka-error';
import { type OutgoingMessage } from './kafka-event-publisher.adapter';

/** The partition function of a kafkajs producer (what `createPartitioner` returns). */
export type PartitionOf = ReturnType<ICustomPartitioner>;

/**
 * `messages` split by the partition the producer's partitioner gives each (key → partition, null keys
 * spread over partitions that have a leader), every group in the order the messages came.
 *
 * Why (issue 17, docs/reliability.md "acknowledged records lost under a leader kill"): kafkajs 2.2.4
 * remembers a send's responses per broker across its retries. When one broker of a multi-partition
 * send fails and the retry finds that broker's partitions led by a broker that already answered, the
 * retry sends nothing for them and the send resolves: acknowledged, never written. A send that names
 * one partition has one leader, so the retry always sends it.
 */
export function groupByPartition(
  topic: string,
  messages: readonly OutgoingMessage[],
  partitionMetadata: PartitionMetadata[],
  partitionOf: PartitionOf,
): Map<number, OutgoingMessage[]> {
  const groups = new Map<number, OutgoingMessage[]>();
  for (const m of messages) {
    const partition = partitionOf({
      topic,
      partitionMetadata,
      message: { key: m.key, value: m.value, headers: m.headers },
    });
    const group = groups.get(partition);
    if (group === undefined) groups.set(partition, [m]);
    else group.push(m);
  }
  return groups;
}

/** How long a topic's partition list is trusted before it is fetched again. */
const LAYOUT_TTL_MS = 60_000;

/** Each topic's partitions as the cluster's metadata lists them, fetched at most once a minute. */
export class TopicLayouts {
  private readonly known = new Map<
    string,
    { readonly at: number; readonly partitions: PartitionMetadata[] }
  >();

  async partitionsOf(admin: Admin, topic: string): Promise<PartitionMetadata[]> {
    const known = this.known.get(topic);
    if (known !== undefined && Date.now() - known.at < LAYOUT_TTL_MS) return known.partitions;
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    const partitions = meta.topics.find((t) => t.name === topic)?.partitions ?? [];
    if (partitions.length === 0)
      throw new KafkaAdapterError(
        'PUBLISH_FAILED',
        `topic ${topic} has no partitions in the cluster's metadata`,
      );
    this.known.set(topic, { at: Date.now(), partitions });
    return partitions;
  }
}
