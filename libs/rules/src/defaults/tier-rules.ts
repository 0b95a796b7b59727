import { type RuleSetInput } from '@fengqiao/contracts';

const MIN = 60_000;
const HOUR = 60 * MIN;

type RuleInput = RuleSetInput['rules'][number];
const closing = ['resolved', 'closed'] as const;

/** The service tiers of domain.md as deadlines on the working-day calendar. */
export const TIER_RULES: RuleInput[] = [
  {
    id: 'routing-1-working-day',
    version: 1,
    kind: 'deadline',
    title: '1个工作日内未分流', // Case not routed within 1 working day
    purpose: 'Every case must be routed (triaged) within one working day of intake.',
    tier: 'any',
    startOn: 'reported',
    stopOn: ['triaged', ...closing],
    due: { unit: 'working-days', count: 1 },
    levels: [
      { colour: 'orange', atLeast: 0.8 },
      { colour: 'red', atLeast: 1 },
    ],
  },
  {
    id: 'simple-same-day',
    version: 1,
    kind: 'deadline',
    title: '简易纠纷当日未办结', // Simple dispute not closed the same day
    purpose: 'A simple dispute is closed on the (working) day it is triaged.',
    tier: 'simple',
    startOn: 'triaged',
    stopOn: [...closing],
    due: { unit: 'working-days', count: 0 },
    levels: [
      { colour: 'orange', atLeast: 0.75 },
      { colour: 'red', atLeast: 1 },
    ],
  },
  {
    id: 'general-5-days',
    version: 1,
    kind: 'deadline',
    title: '一般纠纷5日内未办理', // General dispute not handled within 5 working days
    purpose: 'A general dispute is handled within five working days of triage.',
    tier: 'general',
    startOn: 'triaged',
    stopOn: [...closing],
    due: { unit: 'working-days', count: 5 },
    levels: [
      { colour: 'blue', atLeast: 0.6 },
      { colour: 'orange', atLeast: 0.8 },
      { colour: 'red', atLeast: 1 },
    ],
  },
  {
    id: 'complex-2-months',
    version: 1,
    kind: 'deadline',
    title: '复杂纠纷两月内未办结', // Complex dispute not closed within two months
    purpose: 'A complex dispute is closed within two months (61 calendar days) of triage.',
    tier: 'complex',
    startOn: 'triaged',
    stopOn: [...closing],
    due: { unit: 'calendar-days', count: 61 },
    levels: [
      { colour: 'blue', atLeast: 0.75 },
      { colour: 'orange', atLeast: 0.9 },
      { colour: 'red', atLeast: 1 },
    ],
  },
  {
    id: 'major-leader-24h',
    // v2: only a leader taking charge (or an escalation to one) stops the clock; a department
    // assignment does not, since every case is assigned.
    version: 2,
    kind: 'deadline',
    title: '重大纠纷未落实领导包案', // Major dispute without a leader in charge
    purpose: 'A major dispute gets a leader in personal charge (领导包案) within 24 hours of triage.',
    tier: 'major',
    startOn: 'triaged',
    stopOn: ['leader-assigned', 'escalated', ...closing],
    due: { unit: 'hours', count: 24 },
    levels: [
      { colour: 'orange', atLeast: 0.5 },
      { colour: 'red', atLeast: 1 },
    ],
  },
];

/** Camera health and the repeat rule. */
export const HEALTH_AND_REPEAT_RULES: RuleInput[] = [
  {
    id: 'township-cameras-offline',
    version: 1,
    kind: 'camera-offline-share',
    title: '乡镇摄像头离线比例过高', // Share of a township's cameras offline
    purpose: 'Many cameras of one township dark for 5 minutes: the area is blind.',
    region: 'township',
    minCameras: 20,
    levels: [
      { colour: 'blue', atLeast: 0.2 },
      { colour: 'orange', atLeast: 0.4 },
      { colour: 'red', atLeast: 0.7 },
    ],
    pendingMs: 5 * MIN,
    clearAfterMs: 10 * MIN,
  },
  {
    id: 'county-outage',
    version: 1,
    kind: 'camera-offline-share',
    title: '区县摄像头大面积离线', // District-wide camera outage
    purpose: 'Half of a district dark for 2 minutes is a network or power outage, not many faults.',
    region: 'county',
    minCameras: 100,
    levels: [
      { colour: 'orange', atLeast: 0.5 },
      { colour: 'red', atLeast: 0.8 },
    ],
    pendingMs: 2 * MIN,
    clearAfterMs: 10 * MIN,
  },
  {
    id: 'dark-key-site-near-incident',
    version: 1,
    kind: 'dark-key-site',
    title: '事发地附近重点点位摄像头离线', // Key-site camera dark near an active incident
    purpose: 'A key-site camera is dark within 1 km of an open orange or red incident in its township.',
    siteTypes: ['school', 'square', 'station', 'key-industry'],
    incidentColour: 'orange',
    radiusM: 1000,
    colour: 'orange',
  },
  {
    id: 'repeated-orange',
    version: 1,
    kind: 'repeat',
    title: '同一地点橙色预警反复出现', // Repeated orange alerts at one place
    purpose: 'Three orange alerts at one camera or township within 24 h become one red.',
    fromColour: 'orange',
    colour: 'red',
    count: 3,
    windowMs: 24 * HOUR,
  },
];
