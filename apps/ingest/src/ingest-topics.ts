import { INPUT_TOPICS, deadLetterTopicOf } from '@fengqiao/contracts';

/** Which contract a topic carries. */
export type TopicKind = 'case' | 'cameraRegistered' | 'cameraStatus' | 'cameraAnalytics';

/** The input topics this ingest instance consumes, by kind, and the reverse lookup. */
export interface IngestTopics {
  readonly byKind: Readonly<Record<TopicKind, string>>;
  kindOf(topic: string): TopicKind | undefined;
  deadLetterOf(topic: string): string;
  all(): string[];
}

/**
 * The registry's input topics; a `suffix` gives a test or a benchmark its own private copies
 * (`intake.case.recorded.v1.<suffix>`) on the shared broker.
 */
export function ingestTopics(suffix?: string): IngestTopics {
  const name = (base: string): string => (suffix === undefined ? base : `${base}.${suffix}`);
  const byKind: Record<TopicKind, string> = {
    case: name(INPUT_TOPICS.caseEvents.name),
    cameraRegistered: name(INPUT_TOPICS.cameraRegistry.name),
    cameraStatus: name(INPUT_TOPICS.cameraStatus.name),
    cameraAnalytics: name(INPUT_TOPICS.cameraAnalytics.name),
  };
  const kinds = new Map(Object.entries(byKind).map(([kind, topic]) => [topic, kind as TopicKind]));
  return {
    byKind,
    kindOf: (topic) => kinds.get(topic),
    deadLetterOf: (topic) => deadLetterTopicOf(topic),
    all: () => Object.values(byKind),
  };
}

/** Partition counts and retention of each kind's topic, from the registry (for ensureTopics). */
export function topicSpecsOf(topics: IngestTopics): {
  name: string;
  partitions: number;
  retentionMs: number;
  compacted: boolean;
}[] {
  const specs = {
    case: INPUT_TOPICS.caseEvents,
    cameraRegistered: INPUT_TOPICS.cameraRegistry,
    cameraStatus: INPUT_TOPICS.cameraStatus,
    cameraAnalytics: INPUT_TOPICS.cameraAnalytics,
  } as const;
  return (Object.keys(specs) as TopicKind[]).flatMap((kind) => {
    const { partitions, retentionMs, compacted, deadLetterRetentionMs } = specs[kind];
    const topic = topics.byKind[kind];
    return [
      { name: topic, partitions, retentionMs, compacted },
      {
        name: topics.deadLetterOf(topic),
        partitions: 1,
        retentionMs: deadLetterRetentionMs,
        compacted: false,
      },
    ];
  });
}
