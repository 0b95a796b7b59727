import { type z } from 'zod';
import { alertChangedSchema } from './alerts/alert';
import { cameraAnalyticsSchema, cameraRegisteredSchema, cameraStatusSchema } from './events/camera-event';
import { caseEventSchema } from './events/case-event';

/** How a topic's messages are keyed, which decides what keeps its order on one partition. */
export type PartitionKey = 'caseId' | 'cameraId' | 'alertId';

/** One entry of the topic registry: name, contract, key, partitions and retention. */
export interface TopicSpec<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly description: string;
  readonly schema: S;
  readonly key: PartitionKey;
  readonly partitions: number;
  readonly retentionMs: number;
  /** Compacted topics keep the latest message per key (registries). */
  readonly compacted: boolean;
}

const DAY = 24 * 3600 * 1000;

/** An input topic also has a dead-letter topic, with a retention of its own. */
export interface InputTopicSpec<S extends z.ZodType = z.ZodType> extends TopicSpec<S> {
  readonly deadLetterRetentionMs: number;
}

/**
 * Input topics (`domain.entity.past-tense-verb.vN`). Camera topics are keyed by camera id so one
 * camera's events stay ordered; case topics by case id so a case's lifecycle stays ordered.
 */
export const INPUT_TOPICS = {
  caseEvents: {
    name: 'intake.case.recorded.v1',
    description: 'Case lifecycle events from the window, hotline, grid workers and online channels.',
    schema: caseEventSchema,
    key: 'caseId',
    partitions: 6,
    // Case events carry names, phones and ID numbers until the ingest moves them into case_parties:
    // the topic keeps them only as long as a consumer outage could last (docs/security.md).
    retentionMs: 3 * DAY,
    compacted: false,
    deadLetterRetentionMs: 3 * DAY,
  },
  cameraRegistry: {
    name: 'video.camera.registered.v1',
    description: 'Camera registry entries (GB/T 28181 id, site, region, location, stream key).',
    schema: cameraRegisteredSchema,
    key: 'cameraId',
    partitions: 6,
    retentionMs: -1,
    compacted: true,

    deadLetterRetentionMs: 7 * DAY,
  },
  cameraStatus: {
    name: 'video.camera-status.reported.v1',
    description: 'Camera heartbeats and stream state changes (online, bitrate, fps, last-frame age).',
    schema: cameraStatusSchema,
    key: 'cameraId',
    partitions: 12,
    retentionMs: 7 * DAY,
    compacted: false,

    deadLetterRetentionMs: 7 * DAY,
  },
  cameraAnalytics: {
    name: 'video.analytics.detected.v1',
    description: 'Video analytics detections (crowd, fight, intrusion, loitering, fire/smoke, ...).',
    schema: cameraAnalyticsSchema,
    key: 'cameraId',
    partitions: 6,
    retentionMs: 30 * DAY,
    compacted: false,

    deadLetterRetentionMs: 7 * DAY,
  },
} as const satisfies Record<string, InputTopicSpec>;

/** Topics the system itself produces. Alert changes are keyed by alert id: one alert, one order. */
export const OUTPUT_TOPICS = {
  alertChanges: {
    name: 'warning.alert.changed.v1',
    description:
      'Every change of every alert, with its database sequence number; consumed by each API instance.',
    schema: alertChangedSchema,
    key: 'alertId',
    partitions: 3,
    // A change may carry an officer's free-text note: kept no longer than the case topic.
    retentionMs: 3 * DAY,
    compacted: false,
  },
} as const satisfies Record<string, TopicSpec>;

export type InputTopicName = (typeof INPUT_TOPICS)[keyof typeof INPUT_TOPICS]['name'];

/** The dead-letter topic of an input topic: same name under the `dlq.` prefix. */
export function deadLetterTopicOf(topic: string): string {
  return `dlq.${topic}`;
}

/** Every topic the stack creates, with partitions and retention (dead-letter topics included). */
export function allTopicSpecs(): {
  name: string;
  partitions: number;
  retentionMs: number;
  compacted: boolean;
}[] {
  const inputs = Object.values(INPUT_TOPICS);
  return [
    ...inputs.map(({ name, partitions, retentionMs, compacted }) => ({
      name,
      partitions,
      retentionMs,
      compacted,
    })),
    ...inputs.map(({ name, deadLetterRetentionMs }) => ({
      name: deadLetterTopicOf(name),
      partitions: 1,
      retentionMs: deadLetterRetentionMs,
      compacted: false,
    })),
  ];
}
