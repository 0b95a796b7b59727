import { type RuleSetInput } from '@fengqiao/contracts';

const MIN = 60_000;
const HOUR = 60 * MIN;

type RuleInput = RuleSetInput['rules'][number];

/** Counts over sliding windows, and counts against the baseline of this hour of the week. */
export const WINDOW_AND_ANOMALY_RULES: RuleInput[] = [
  {
    id: 'disputes-township-24h',
    version: 1,
    kind: 'window-threshold',
    title: '乡镇同类纠纷集中发生', // Run of disputes of one category in a township
    purpose: 'Several disputes of one category in one township within 24 h point to a shared cause.',
    source: 'case',
    when: [{ fact: 'caseType', op: 'eq', value: 'reported' }],
    region: 'township',
    perCategory: true,
    windowMs: 24 * HOUR,
    bucketMs: HOUR,
    levels: [
      { colour: 'blue', atLeast: 3 },
      { colour: 'orange', atLeast: 5 },
      { colour: 'red', atLeast: 10 },
    ],
    clearAfterMs: HOUR,
  },
  {
    id: 'detections-township-1h',
    version: 1,
    kind: 'window-threshold',
    title: '乡镇视频告警激增', // Burst of video detections in a township
    purpose: 'Many detections of one kind within an hour in one township, whatever the camera.',
    source: 'camera-analytics',
    when: [{ fact: 'confidence', op: 'gte', value: 0.5 }],
    region: 'township',
    perCategory: true,
    windowMs: HOUR,
    bucketMs: 5 * MIN,
    levels: [
      { colour: 'blue', atLeast: 20 },
      { colour: 'orange', atLeast: 50 },
    ],
    clearAfterMs: 15 * MIN,
  },
  {
    id: 'cases-unusual-township',
    version: 1,
    kind: 'anomaly',
    title: '乡镇本时段案件数异常偏高', // Unusually many cases in a township this hour
    purpose: 'More cases than usual here at this hour of the week (z-score against the baseline).',
    source: 'case',
    when: [{ fact: 'caseType', op: 'eq', value: 'reported' }],
    metric: 'cases',
    minCount: 3,
    minStd: 1,
    levels: [
      { colour: 'blue', atLeast: 2 },
      { colour: 'orange', atLeast: 3 },
      { colour: 'red', atLeast: 5 },
    ],
    clearAfterMs: 30 * MIN,
  },
];
