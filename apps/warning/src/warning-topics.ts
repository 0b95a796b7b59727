import { INPUT_TOPICS, OUTPUT_TOPICS, type TopicSpec } from '@fengqiao/contracts';

/** Which contract a consumed topic carries. */
export type WarningTopicKind =
  'case' | 'cameraRegistered' | 'cameraStatus' | 'cameraAnalytics' | 'alertChanges';

export interface WarningTopics {
  readonly byKind: Readonly<Record<WarningTopicKind, string>>;
  kindOf(topic: string): WarningTopicKind | undefined;
  all(): string[];
  specs(): { name: string; partitions: number; retentionMs: number; compacted: boolean }[];
}

/** The topics the warning service reads (and writes: alert changes); a suffix gives tests private copies. */
export function warningTopics(suffix?: string): WarningTopics {
  const specs: Record<WarningTopicKind, TopicSpec> = {
    case: INPUT_TOPICS.caseEvents,
    cameraRegistered: INPUT_TOPICS.cameraRegistry,
    cameraStatus: INPUT_TOPICS.cameraStatus,
    cameraAnalytics: INPUT_TOPICS.cameraAnalytics,
    alertChanges: OUTPUT_TOPICS.alertChanges,
  };
  const name = (base: string): string => (suffix === undefined ? base : `${base}.${suffix}`);
  const entries = Object.entries(specs) as [WarningTopicKind, TopicSpec][];
  const byKind = Object.fromEntries(entries.map(([k, s]) => [k, name(s.name)])) as Record<
    WarningTopicKind,
    string
  >;
  const kinds = new Map(entries.map(([k]) => [byKind[k], k]));
  return {
    byKind,
    kindOf: (topic) => kinds.get(topic),
    all: () => Object.values(byKind),
    specs: () =>
      entries.map(([k, s]) => ({
        name: byKind[k],
        partitions: s.partitions,
        retentionMs: s.retentionMs,
        compacted: s.compacted,
      })),
  };
}
