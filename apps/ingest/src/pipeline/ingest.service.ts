import { isDataRejectedError, sqlStateOf } from '@fengqiao/db';
import { type IngestTopics } from '../ingest-topics';
import { type IngestMetrics } from '../metrics';
import { validateEvent, type IngestEvent, type ValidationRules } from '../validation/event-validator';
import { type InputLimits } from '../validation/input-limits';
import { parseJsonSafely } from '../validation/safe-json';
import { retryWhileDbDown, type DbAvailability } from './db-availability';
import { nextOffsets, type DeadLetter, type DeadLetterPublisher } from './dead-letter.publisher';
import { type EventWriter, type WriteOutcome } from './event-writer';
import { type FlushControl, type IncomingMessage } from './incoming-message';
import { type EventsSink } from './rules-port';

interface Accepted {
  readonly message: IncomingMessage;
  readonly event: IngestEvent;
}

/** Messages checked against their contracts, not yet stored: the CPU half of a flush. */
export interface Validated {
  readonly handled: number;
  readonly accepted: Accepted[];
  readonly letters: DeadLetter[];
}

/**
 * One flush of consumed messages: validate, write the valid ones in one transaction, dead-letter
 * the rest, hand the stored ones to the rules engine. Returns only when all of that is durable, so
 * the caller may then commit the offsets.
 */
export class IngestService {
  constructor(
    private readonly topics: IngestTopics,
    private readonly writer: EventWriter,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly sink: EventsSink,
    private readonly observe: { metrics: IngestMetrics; availability: DbAvailability },
    /** The message size and time window (config.tuning.ingest) and the city, as the HTTP intake checks them. */
    private readonly limits: InputLimits & ValidationRules,
  ) {}

  async process(messages: readonly IncomingMessage[], control: FlushControl): Promise<void> {
    await this.commit([this.validate(messages, Date.now())], control);
  }

  /**
   * The I/O half: stores the valid events of several validated batches in one transaction,
   * dead-letters the rest and hands the stored ones on. Split from `validate` so the consumer can
   * validate the next batches while this one waits for the database.
   */
  async commit(batches: readonly Validated[], control: FlushControl): Promise<void> {
    const accepted =
      batches.length === 1 ? [...(batches[0]?.accepted ?? [])] : batches.flatMap((b) => b.accepted);
    const letters = batches.flatMap((b) => b.letters);
    const stored = await this.store(accepted, letters, control);
    await this.sink.onEvents(stored);
    // Last: the letters commit together with the flush's offsets, so nothing after them can fail
    // and redeliver the flush. Not for partitions a rebalance took away meanwhile.
    if (letters.length > 0 && !control.isActive())
      throw new IngestFlushError('a rebalance took the flush away before its dead letters were committed');
    await this.deadLetters.publish(
      letters,
      new Date().toISOString(),
      nextOffsets([...accepted.map((a) => a.message), ...letters.map((l) => l.message)]),
    );
    this.record(
      batches.reduce((n, b) => n + b.handled, 0),
      stored,
      letters,
    );
  }

  validate(messages: readonly IncomingMessage[], nowMs: number): Validated {
    const accepted: Accepted[] = [];
    const letters: DeadLetter[] = [];
    for (const message of messages) {
      const kind = this.topics.kindOf(message.topic);
      const parsed = parseJsonSafely(message.value, this.limits);
      const checked =
        kind === undefined
          ? ({ ok: false, rejection: { code: 'SCHEMA_INVALID', reason: 'topic has no contract' } } as const)
          : parsed.ok
            ? validateEvent(kind, parsed.value, nowMs, this.limits)
            : parsed;
      if (checked.ok) accepted.push({ message, event: checked.value });
      else letters.push({ message, rejection: checked.rejection });
    }
    return { handled: messages.length, accepted, letters };
  }

  private async store(
    accepted: Accepted[],
    letters: DeadLetter[],
    control: FlushControl,
  ): Promise<IngestEvent[]> {
    const write = (events: IngestEvent[]): Promise<WriteOutcome> =>
      retryWhileDbDown(() => this.timed(events), this.observe.availability, control);
    try {
      return this.settle(accepted, await write(accepted.map((a) => a.event)), letters);
    } catch (err) {
      if (!isDataRejectedError(err)) throw err;
      // Data the database refuses although it passed validation: isolate it rather than stall.
      const stored: IngestEvent[] = [];
      for (const one of accepted) {
        try {
          stored.push(...this.settle([one], await write([one.event]), letters));
        } catch (single) {
          if (!isDataRejectedError(single)) throw single;
          letters.push({
            message: one.message,
            rejection: { code: 'DB_REJECTED', reason: dbReason(single) },
          });
        }
      }
      return stored;
    }
  }

  private settle(accepted: readonly Accepted[], outcome: WriteOutcome, letters: DeadLetter[]): IngestEvent[] {
    const unknown = new Set(outcome.unknownCamera);
    const orphans = new Set(outcome.unknownCase);
    for (const a of accepted) {
      if (unknown.has(a.event))
        letters.push({
          message: a.message,
          rejection: { code: 'UNKNOWN_CAMERA', reason: 'cameraId: not in the camera registry' },
        });
      else if (orphans.has(a.event))
        letters.push({
          message: a.message,
          rejection: {
            code: 'UNKNOWN_CASE',
            reason: 'caseId: no reported event for this case; a step is not stored without its case',
          },
        });
    }
    this.observe.metrics.events.inc({ outcome: 'duplicate' }, outcome.stored.length - outcome.inserted);
    return outcome.stored;
  }

  private async timed(events: IngestEvent[]): Promise<WriteOutcome> {
    const end = this.observe.metrics.writeSeconds.startTimer();
    const outcome = await this.writer.write(events);
    end();
    return outcome;
  }

  private record(handled: number, stored: readonly IngestEvent[], letters: readonly DeadLetter[]): void {
    const m = this.observe.metrics;
    const now = Date.now();
    m.batchSize.observe(handled);
    m.countHandled(handled);
    m.events.inc({ outcome: 'stored' }, stored.length);
    for (const e of stored) m.commitLatency.observe(Math.max(0, now - Date.parse(e.event.occurredAt)) / 1000);
    for (const { message, rejection } of letters) {
      m.deadLetters.inc({ topic: message.topic, code: rejection.code });
      m.events.inc({ outcome: 'dead_lettered' });
    }
  }
}

/** A flush given up on purpose (its batches are redelivered to whoever owns them now). */
export class IngestFlushError extends Error {
  readonly code = 'FLUSH_REVOKED';
  constructor(message: string) {
    super(message);
    this.name = 'IngestFlushError';
  }
}

function dbReason(err: unknown): string {
  const code = sqlStateOf(err);
  return `database refused the event${code === undefined ? '' : ` (SQLSTATE ${code})`}`;
}
