import { KafkaAdapterError, type KafkaEventPublisher } from '@fengqiao/kafka';
import { type IngestTopics, type TopicKind } from '../ingest-topics';
import { cameraKindOfSchema, validateEvent, type IngestEvent } from '../validation/event-validator';
import { reject, type Rejection } from '../validation/rejection';
import { parseJsonSafely } from '../validation/safe-json';

export type IntakeResult =
  | { readonly status: 'accepted'; readonly eventId: string }
  | { readonly status: 'rejected'; readonly rejection: Rejection }
  | { readonly status: 'unavailable'; readonly reason: string };

/** The HTTP intake: validate like the consumer does, then produce to the input topic. */
export class IntakeService {
  constructor(
    private readonly topics: IngestTopics,
    private readonly publisher: KafkaEventPublisher,
    /** How long a request waits for Kafka's ack before answering 503 (config.tuning.ingest). */
    private readonly publishDeadlineMs: number,
  ) {}

  async accept(channel: 'case' | 'camera', body: Buffer | null): Promise<IntakeResult> {
    const parsed = parseJsonSafely(body);
    if (!parsed.ok) return { status: 'rejected', rejection: parsed.rejection };
    const kind: TopicKind | undefined = channel === 'case' ? 'case' : cameraKindOfSchema(parsed.value);
    if (kind === undefined) {
      const r = reject(
        'SCHEMA_INVALID',
        'schema: expected camera.status.v1, camera.analytics.v1 or camera.registered.v1',
      );
      return { status: 'rejected', rejection: r.rejection };
    }
    const checked = validateEvent(kind, parsed.value, Date.now());
    if (!checked.ok) return { status: 'rejected', rejection: checked.rejection };
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
