import { INPUT_TOPICS } from '@fengqiao/contracts';
import { createKafkaClient } from '@fengqiao/kafka';
import { type EventTable } from '@fengqiao/testing';

const TOPIC_OF: Readonly<Record<EventTable, string>> = {
  case_events: INPUT_TOPICS.caseEvents.name,
  camera_status_events: INPUT_TOPICS.cameraStatus.name,
  camera_analytics_events: INPUT_TOPICS.cameraAnalytics.name,
};

/** How long the lookup may read a topic from its start (the fault tier's topics hold minutes of load). */
const READ_LIMIT_MS = 60_000;

/**
 * For events the ledger produced but the database lacks: whether Kafka holds them (topic, partition,
 * offset) and where the ingest's group stands on that partition. "In Kafka, the group past it" is an
 * ingest that skipped a record; "not in Kafka" is a broker that lost an acknowledged write.
 */
export async function findInKafka(
  brokers: readonly string[],
  missing: ReadonlyMap<EventTable, readonly string[]>,
  ingestGroup: string,
): Promise<string[]> {
  const kafka = createKafkaClient({ brokers, clientId: 'fq-faults-lookup', log: () => undefined });
  const admin = kafka.admin();
  await admin.connect();
  const lines: string[] = [];
  try {
    for (const [table, ids] of missing) {
      if (ids.length === 0) continue;
      const topic = TOPIC_OF[table];
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId: ingestGroup, topics: [topic] });
      const groupAt = new Map((committed?.partitions ?? []).map((p) => [p.partition, p.offset]));
      const { found, read, complete } = await scan(kafka, topic, ends, new Set(ids));
      const total = ends.reduce((n, e) => n + Number(e.offset), 0);
      lines.push(
        `${topic}: read ${read} of ${total} record(s)${complete ? ', every partition to its end' : `, NOT to its end within ${READ_LIMIT_MS / 1000} s: "not in" below is unproven`}`,
      );
      for (const id of ids) {
        const at = found.get(id);
        lines.push(
          at === undefined
            ? `${table} ${id}: not in ${topic}`
            : `${table} ${id}: in ${topic} partition ${at.partition} offset ${at.offset}; the ingest group committed ${groupAt.get(at.partition) ?? '?'} there (end ${ends.find((e) => e.partition === at.partition)?.offset ?? '?'})`,
        );
      }
    }
  } finally {
    await admin.disconnect();
  }
  return lines;
}

async function scan(
  kafka: ReturnType<typeof createKafkaClient>,
  topic: string,
  ends: readonly { partition: number; offset: string }[],
  wanted: ReadonlySet<string>,
): Promise<{ found: Map<string, { partition: number; offset: string }>; read: number; complete: boolean }> {
  let read = 0;
  const found = new Map<string, { partition: number; offset: string }>();
  const left = new Set(ends.filter((e) => Number(e.offset) > 0).map((e) => e.partition));
  const endOf = new Map(ends.map((e) => [e.partition, Number(e.offset)]));
  const consumer = kafka.consumer({ groupId: `fq-faults-lookup-${Date.now()}`, sessionTimeout: 10_000 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      if (left.size === 0) resolve();
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          read += 1;
          const text = message.value?.toString('utf8') ?? '';
          for (const id of wanted)
            if (text.includes(id)) found.set(id, { partition, offset: message.offset });
          if (Number(message.offset) + 1 >= (endOf.get(partition) ?? 0)) {
            left.delete(partition);
            if (left.size === 0) resolve();
          }
          return Promise.resolve();
        },
      });
    });
    await Promise.race([done, new Promise((r) => setTimeout(r, READ_LIMIT_MS))]);
  } finally {
    await consumer.disconnect();
  }
  return { found, read, complete: left.size === 0 };
}
