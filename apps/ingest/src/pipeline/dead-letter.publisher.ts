import { createHash } from 'node:crypto';
import {
  partitionKey,
  type KafkaTransactionalPublisher,
  type NextOffset,
  type OutgoingMessage,
} from '@fengqiao/kafka';
import { type Rejection } from '../validation/rejection';
import { type IncomingMessage } from './incoming-message';

/** Header names of a dead letter; the value is the original bytes, untouched. */
export const DLQ_HEADERS = {
  code: 'fq-dlq-code',
  reason: 'fq-dlq-reason',
  sourceTopic: 'fq-source-topic',
  sourcePartition: 'fq-source-partition',
  sourceOffset: 'fq-source-offset',
  deadLetteredAt: 'fq-dead-lettered-at',
  /** Set when the payload was cut: its original size and digest (the envelope must fit the broker). */
  truncatedFrom: 'fq-dlq-truncated-from',
  sha256: 'fq-dlq-sha256',
} as const;

/** A payload this close to the broker's 1 MiB limit no longer fits once the envelope is added. */
const MAX_KEPT_BYTES = 1024 * 1024 - 16 * 1024;
const TRUNCATED_KEEP_BYTES = 64 * 1024;

/** The payload as kept, and the headers that say what was cut. */
function keptPayload(value: Buffer | null): { value: Buffer; headers: Record<string, string> } {
  const bytes = value ?? Buffer.alloc(0);
  if (bytes.length <= MAX_KEPT_BYTES) return { value: bytes, headers: {} };
  return {
    value: bytes.subarray(0, TRUNCATED_KEEP_BYTES),
    headers: {
      [DLQ_HEADERS.truncatedFrom]: String(bytes.length),
      [DLQ_HEADERS.sha256]: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

export interface DeadLetter {
  readonly message: IncomingMessage;
  readonly rejection: Rejection;
}

/**
 * Sends refused messages to their topic's dead-letter topic. The envelope is in the headers so the
 * payload stays byte-for-byte what arrived (it may not even be text), unless it is too large to fit
 * with its envelope: then its first 64 KiB are kept with its size and SHA-256.
 *
 * Exactly once (decision 0014): the letters of a flush and the consumer group's offsets past every
 * message of that flush are committed in one Kafka transaction, so a flush redelivered after a crash
 * or a failed request was either never dead-lettered or is not consumed again. Readers of `dlq.*`
 * read committed (kafkajs' default). A flush without letters costs nothing: the consumer commits.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly publisher: KafkaTransactionalPublisher,
    private readonly deadLetterOf: (topic: string) => string,
    /** The consumer group whose offsets move with the letters. */
    private readonly groupId: string,
  ) {}

  /** `consumed`: the next offset of every partition the flush read (letters or not). */
  async publish(
    letters: readonly DeadLetter[],
    nowIso: string,
    consumed: readonly NextOffset[],
  ): Promise<void> {
    if (letters.length === 0) return;
    // A message the group's committed offset already passed was dead-lettered (or handled) by the
    // transaction that moved it: this flush is a redelivery (a consumer that joined before that
    // transaction's offsets were visible, issue 17's leader kill), and its letter would be a copy.
    const committed = await this.publisher.committedOffsets(
      this.groupId,
      letters.map((l) => l.message),
    );
    const fresh = letters.filter(
      ({ message: m }) => BigInt(m.offset) >= (committed.get(partitionKey(m.topic, m.partition)) ?? -1n),
    );
    if (fresh.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { message, rejection } of fresh) {
      const dlq = this.deadLetterOf(message.topic);
      const list = byTopic.get(dlq) ?? [];
      const kept = keptPayload(message.value);
      list.push({
        key: message.key,
        value: kept.value,
        headers: {
          ...kept.headers,
          [DLQ_HEADERS.code]: rejection.code,
          [DLQ_HEADERS.reason]: rejection.reason,
          [DLQ_HEADERS.sourceTopic]: message.topic,
          [DLQ_HEADERS.sourcePartition]: String(message.partition),
          [DLQ_HEADERS.sourceOffset]: message.offset,
          [DLQ_HEADERS.deadLetteredAt]: nowIso,
        },
      });
      byTopic.set(dlq, list);
    }
    await this.publisher.publishCommitting(byTopic, this.groupId, consumed);
  }

  disconnect(): Promise<void> {
    return this.publisher.disconnect();
  }
}

/** The next offset to read of each partition among `messages` (one past the highest seen). */
export function nextOffsets(messages: Iterable<IncomingMessage>): NextOffset[] {
  const next = new Map<string, NextOffset>();
  for (const m of messages) {
    const key = `${m.topic}\u0000${m.partition}`;
    const offset = (BigInt(m.offset) + 1n).toString();
    const seen = next.get(key);
    if (seen === undefined || BigInt(seen.offset) < BigInt(offset))
      next.set(key, { topic: m.topic, partition: m.partition, offset });
  }
  return [...next.values()];
}
