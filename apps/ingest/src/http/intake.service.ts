import { randomUUID } from 'node:crypto';
import { KafkaAdapterError, type KafkaEventPublisher } from '@fengqiao/kafka';
import { scopeRefusal, type HookStatus, type ScopedEvent, type Source } from '@fengqiao/source-auth';
import { type IngestTopics, type TopicKind } from '../ingest-topics';
import {
  cameraKindOfSchema,
  validateEvent,
  type IngestEvent,
  type ValidationRules,
} from '../validation/event-validator';
import { type InputLimits } from '../validation/input-limits';
import { reject, type Rejection } from '../validation/rejection';
import { parseJsonSafely } from '../validation/safe-json';

export type IntakeResult =
  | { readonly status: 'accepted'; readonly eventId: string }
  | { readonly status: 'rejected'; readonly rejection: Rejection }
  /** The source may not send this event (its kinds or regions): 403 OUT_OF_SCOPE. */
  | { readonly status: 'out-of-scope'; readonly reason: string }
  | { readonly status: 'unavailable'; readonly reason: string };

/** The HTTP intake: validate like the consumer does, then produce to the input topic. */
export class IntakeService {
  constructor(
    private readonly topics: IngestTopics,
    private readonly publisher: KafkaEventPublisher,
    /** How long a request waits for Kafka's ack before answering 503 (config.tuning.ingest). */
    private readonly publishDeadlineMs: number,
    /** The message size and time window (config.tuning.ingest) and the city, as the consumer checks them. */
    private readonly limits: InputLimits & ValidationRules,
  ) {}

  /** `source`: the authenticated sender, whose kinds and regions bound what it may send. */
  async accept(channel: 'case' | 'camera', body: Buffer | null, source: Source): Promise<IntakeResult> {
    const parsed = parseJsonSafely(body, this.limits);
    if (!parsed.ok) return { status: 'rejected', rejection: parsed.rejection };
    const kind: TopicKind | undefined = channel === 'case' ? 'case' : cameraKindOfSchema(parsed.value);
    if (kind === undefined) {
      const r = reject(
        'SCHEMA_INVALID',
        'schema: expected camera.status.v1, camera.analytics.v1 or camera.registered.v1',
      );
      return { status: 'rejected', rejection: r.rejection };
    }
    return this.checkAndProduce(kind, parsed.value, source);
  }

  /** A media server hook's camera status, as a camera.status.v1 event from the media that saw it. */
  async acceptStatus(status: HookStatus, source: Source): Promise<IntakeResult> {
    const event = {
      schema: 'camera.status.v1',
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      cameraId: status.cameraId,
      online: status.online,
      ...(status.fps === undefined ? {} : { fps: Math.min(240, Math.round(status.fps * 10) / 10) }),
      source: 'media',
    };
    return this.checkAndProduce('cameraStatus', event, source);
  }

  private async checkAndProduce(kind: TopicKind, value: unknown, source: Source): Promise<IntakeResult> {
    const checked = validateEvent(kind, value, Date.now(), this.limits);
    if (!checked.ok) return { status: 'rejected', rejection: checked.rejection };
    const refusal = scopeRefusal(source, scopedOf(checked.value));
    if (refusal !== undefined) return { status: 'out-of-scope', reason: refusal };
    return this.produce(checked.value);
  }

  private async produce(e: IngestEvent): Promise<IntakeResult> {
    const key = e.kind === 'case' ? e.event.caseId : e.event.cameraId;
    try {
      await this.publisher.publishWithin(
        this.topics.byKind[e.kind],
        [{ key, value: JSON.stringify(e.event) }],
        this.publishDeadlineMs,
      );
      return { status: 'accepted', eventId: e.event.eventId };
    } catch (err) {
      if (err instanceof KafkaAdapterError) return { status: 'unavailable', reason: err.code };
      throw err;
    }
  }
}

/** The kind and place of a validated event, as the source's scope names them. */
function scopedOf(e: IngestEvent): ScopedEvent {
  switch (e.kind) {
    case 'case':
      return { kind: 'case', county: e.event.region.county };
    case 'cameraStatus':
      return { kind: 'camera.status', cameraId: e.event.cameraId };
    case 'cameraAnalytics':
      return { kind: 'camera.analytics', cameraId: e.event.cameraId };
    case 'cameraRegistered':
      return { kind: 'camera.registered', cameraId: e.event.cameraId };
  }
}
