import { type IngestEvent } from '../validation/event-validator';

/**
 * Where stored events go next: the rules engine (next issue) implements this. Called after the
 * database commit and before the offsets are committed, so delivery is at-least-once: an
 * implementation must tolerate an event it has already seen (same `eventId`).
 */
export interface EventsSink {
  onEvents(batch: readonly IngestEvent[]): Promise<void>;
}

/** The default until the rules engine is wired in. */
export const noopEventsSink: EventsSink = { onEvents: () => Promise.resolve() };
