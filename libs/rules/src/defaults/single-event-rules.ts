import { type RuleSetInput } from '@fengqiao/contracts';

type RuleInput = RuleSetInput['rules'][number];

/** Single events: a predicate on one case or one detection. Rule order matters: red before orange. */
export const SINGLE_EVENT_RULES: RuleInput[] = [
  {
    id: 'case-violence-risk',
    version: 1,
    kind: 'single-event',
    title: '案件存在暴力风险', // Case flagged for violence risk
    purpose: 'A reported case whose intake flagged a risk of violence needs a duty officer now.',
    source: 'case',
    when: [
      { fact: 'caseType', op: 'eq', value: 'reported' },
      { fact: 'violenceRisk', op: 'eq', value: true },
    ],
    colour: 'red',
    subject: 'case',
  },
  {
    id: 'case-group-petition',
    version: 1,
    kind: 'single-event',
    title: '群体性信访', // Group petition reported
    purpose: 'A group petition (群体访) can escalate into a gathering; watch and prepare mediation.',
    source: 'case',
    when: [
      { fact: 'caseType', op: 'eq', value: 'reported' },
      { fact: 'groupPetition', op: 'eq', value: true },
    ],
    colour: 'orange',
    subject: 'case',
  },
  {
    id: 'case-extreme-words',
    version: 1,
    kind: 'single-event',
    title: '案件出现极端言论', // Extreme words in a case
    purpose: 'A party used extreme words at intake: a sign of risk that the grid worker should follow.',
    source: 'case',
    when: [
      { fact: 'caseType', op: 'eq', value: 'reported' },
      { fact: 'extremeWords', op: 'eq', value: true },
    ],
    colour: 'orange',
    subject: 'case',
  },
  {
    id: 'case-repeat-visits',
    version: 1,
    kind: 'single-event',
    title: '重复来访', // Repeat visitor
    purpose: 'Three or more visits on one matter: the previous handling did not settle it.',
    source: 'case',
    when: [
      { fact: 'caseType', op: 'eq', value: 'reported' },
      { fact: 'repeatVisits', op: 'gte', value: 3 },
    ],
    colour: 'blue',
    subject: 'case',
  },
  {
    id: 'fight-at-school',
    version: 1,
    kind: 'single-event',
    title: '校园周边打架斗殴', // Fight detected at a school
    purpose: 'Video analytics see a fight at a school with high confidence.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'fight' },
      { fact: 'confidence', op: 'gte', value: 0.8 },
      { fact: 'siteType', op: 'eq', value: 'school' },
    ],
    colour: 'red',
    subject: 'camera',
  },
  {
    id: 'fight-detected',
    version: 1,
    kind: 'single-event',
    title: '打架斗殴', // Fight detected
    purpose: 'Video analytics see a fight anywhere; the school rule makes it red at schools.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'fight' },
      { fact: 'confidence', op: 'gte', value: 0.6 },
    ],
    colour: 'orange',
    subject: 'camera',
  },
  {
    id: 'crowd-large',
    version: 1,
    kind: 'single-event',
    title: '大规模人群聚集', // Very large crowd
    purpose: 'A crowd of 1,000 or more anywhere risks a crush or a mass incident.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'crowd' },
      { fact: 'headCount', op: 'gte', value: 1000 },
    ],
    colour: 'red',
    subject: 'camera',
  },
  {
    id: 'crowd-at-square',
    version: 1,
    kind: 'single-event',
    title: '广场人群聚集', // Crowd gathering at a square
    purpose: 'Two hundred or more people at a square: possibly a gathering that needs watching.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'crowd' },
      { fact: 'headCount', op: 'gte', value: 200 },
      { fact: 'siteType', op: 'eq', value: 'square' },
    ],
    colour: 'orange',
    subject: 'camera',
  },
  {
    id: 'fire-smoke',
    version: 1,
    kind: 'single-event',
    title: '烟火报警', // Fire or smoke detected
    purpose: 'Fire or smoke on video: call the fire service without waiting.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'fire-smoke' },
      { fact: 'confidence', op: 'gte', value: 0.7 },
    ],
    colour: 'red',
    subject: 'camera',
  },
  {
    id: 'intrusion-key-industry',
    version: 1,
    kind: 'single-event',
    title: '重点行业场所入侵', // Intrusion at a key-industry site
    purpose: 'Someone entered a protected key-industry area.',
    source: 'camera-analytics',
    when: [
      { fact: 'analyticsKind', op: 'eq', value: 'intrusion' },
      { fact: 'confidence', op: 'gte', value: 0.7 },
      { fact: 'siteType', op: 'eq', value: 'key-industry' },
    ],
    colour: 'orange',
    subject: 'camera',
  },
  {
    id: 'key-site-camera-offline',
    version: 1,
    kind: 'single-event',
    title: '学校或车站摄像头离线', // Camera offline at a school or station
    purpose: 'A camera watching a school or a station stopped streaming; maintenance should look.',
    source: 'camera-status',
    when: [
      { fact: 'online', op: 'eq', value: false },
      { fact: 'siteType', op: 'in', value: ['school', 'station'] },
    ],
    colour: 'blue',
    subject: 'camera',
  },
];
