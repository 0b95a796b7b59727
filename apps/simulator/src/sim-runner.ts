import { type CameraAnalytics, INPUT_TOPICS } from '@fengqiao/contracts';
import { type OutgoingMessage } from '@fengqiao/kafka';
import { type SlotTraffic, type TrafficGenerator } from './traffic/traffic-generator';

/** Where the simulator's messages go: the Kafka publisher, or a counter in a dry run. */
export interface MessageSink {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void>;
}

export interface SimTopics {
  readonly cameraStatus: string;
  readonly cameraAnalytics: string;
  readonly caseEvents: string;
}

export const DEFAULT_SIM_TOPICS: SimTopics = {
  cameraStatus: INPUT_TOPICS.cameraStatus.name,
  cameraAnalytics: INPUT_TOPICS.cameraAnalytics.name,
  caseEvents: INPUT_TOPICS.caseEvents.name,
};

export interface SimCounters {
  status: number;
  statusOnline: number;
  /** Heartbeats not sent because the media service reports on that camera itself. */
  statusSkipped: number;
  analytics: number;
  cases: number;
}

/** Slots generated per step at most, so a stalled broker cannot make one batch grow without bound. */
const MAX_SLOTS_PER_STEP = 25;
const SEND_CHUNK = 2_000;

/**
 * Turns wall-clock time into slots of simulated traffic and publishes them. A slot is generated
 * once it has fully passed, so no event carries a time in the future.
 */
export class SimRunner {
  readonly counters: SimCounters = {
    status: 0,
    statusOnline: 0,
    statusSkipped: 0,
    analytics: 0,
    cases: 0,
  };
  /**
   * Cameras whose real state the media service reports: a simulated heartbeat would overwrite it
   * (an invented "offline" over a playing stream), so none is sent for them.
   */
  mediaCameras: ReadonlySet<string> = new Set();
  /** Stores the JPEG each analytics event's snapshotRef names (apps/simulator/src/snapshots). */
  snapshots: { offer(events: readonly CameraAnalytics[]): void } | undefined;
  private cursor: number;

  constructor(
    private readonly generator: TrafficGenerator,
    private readonly sink: MessageSink,
    private readonly clock: () => number,
    public rate: number,
    private readonly topics: SimTopics = DEFAULT_SIM_TOPICS,
    private readonly slotMs = 200,
  ) {
    this.cursor = Math.floor(clock() / slotMs) * slotMs;
  }

  /** The start of the next slot to generate (before the first step: where the live traffic begins). */
  get cursorMs(): number {
    return this.cursor;
  }

  /** How far the generated traffic trails the clock (ms). */
  get behindMs(): number {
    return Math.max(0, this.clock() - this.cursor);
  }

  /** Generates and publishes every slot that has passed (bounded per call); returns messages sent. */
  async step(): Promise<number> {
    const now = this.clock();
    const start = this.cursor;
    const batch: SlotTraffic = { status: [], analytics: [], cases: [] };
    let slots = 0;
    let skipped = 0;
    while (this.cursor + this.slotMs <= now && slots++ < MAX_SLOTS_PER_STEP) {
      const t = this.generator.slot(this.cursor, this.cursor + this.slotMs, this.rate);
      for (const s of t.status) {
        if (this.mediaCameras.has(s.cameraId)) skipped++;
        else batch.status.push(s);
      }
      batch.analytics.push(...t.analytics);
      batch.cases.push(...t.cases);
      this.cursor += this.slotMs;
    }
    // Non-blocking: the pictures go to the media service beside the events (decision 0020).
    this.snapshots?.offer(batch.analytics);
    try {
      await Promise.all([
        this.send(this.topics.cameraStatus, batch.status, (e) => e.cameraId),
        this.send(this.topics.cameraAnalytics, batch.analytics, (e) => e.cameraId),
        this.send(this.topics.caseEvents, batch.cases, (e) => e.caseId),
      ]);
    } catch (err) {
      // Replaying the slots regenerates the same events with the same ids; whatever did get through
      // is absorbed downstream as a duplicate, so nothing is lost while the broker is away.
      this.cursor = start;
      throw err;
    }
    this.count(batch);
    this.counters.statusSkipped += skipped;
    return batch.status.length + batch.analytics.length + batch.cases.length;
  }

  private async send<E>(topic: string, events: readonly E[], keyOf: (e: E) => string): Promise<void> {
    // Chunked so one request stays far below the broker's message.max.bytes (1 MiB per batch), and
    // sent concurrently: the producer pipelines them (up to 5 in flight) instead of waiting on each ack.
    const sends: Promise<void>[] = [];
    for (let i = 0; i < events.length; i += SEND_CHUNK) {
      const part = events.slice(i, i + SEND_CHUNK);
      sends.push(
        this.sink.publish(
          topic,
          part.map((e) => ({ key: keyOf(e), value: JSON.stringify(e) })),
        ),
      );
    }
    await Promise.all(sends);
  }

  private count(batch: SlotTraffic): void {
    this.counters.status += batch.status.length;
    this.counters.statusOnline += batch.status.filter((s) => s.online).length;
    this.counters.analytics += batch.analytics.length;
    this.counters.cases += batch.cases.length;
  }
}
