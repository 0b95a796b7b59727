import { type OutgoingMessage } from './kafka-event-publisher.adapter';

/**
 * Bytes one produce request may carry. The broker refuses a record batch over `message.max.bytes`
 * (1 MiB here and by default) with MESSAGE_TOO_LARGE, and kafkajs puts every message of a send for
 * one partition into one batch: a burst of dead letters or alert changes must be split.
 */
export const SEND_BUDGET_BYTES = 512 * 1024;

function sizeOf(m: OutgoingMessage): number {
  let n = 64; // record overhead: lengths, offsets, timestamps, attributes
  n += m.key === null ? 0 : Buffer.byteLength(m.key);
  n += Buffer.byteLength(m.value);
  for (const [k, v] of Object.entries(m.headers ?? {})) n += Buffer.byteLength(k) + Buffer.byteLength(v) + 8;
  return n;
}

/** Consecutive runs of messages, each within `budget` bytes (a single larger message goes alone). */
export function chunkMessages(
  messages: readonly OutgoingMessage[],
  budget = SEND_BUDGET_BYTES,
): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = sizeOf(m);
    if (current.length > 0 && bytes + size > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
