import { type Kafka } from 'kafkajs';

export interface DrainedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
}

/**
 * Reads the given topics from the beginning with a fresh consumer group until `expected` messages
 * arrived or `timeoutMs` passed; returns what it read.
 */
export async function drainTopics(
  kafka: Kafka,
  topics: readonly string[],
  expected: number,
  groupId: string,
  timeoutMs = 30_000,
): Promise<DrainedMessage[]> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const out: DrainedMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: ({ topic, message }) => {
          out.push({ topic, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
          if (out.length >= expected) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return out;
}
