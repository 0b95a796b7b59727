import { currentLang, type Lang } from '../i18n/strings';

/** The duty console's escalation and history words, one block per language. */
const DUTY_ZH = {
  level: { grid: '网格', township: '乡镇', county: '区县', city: '市级' },
  change: {
    raised: '生成预警',
    updated: '预警更新',
    acknowledged: '签收',
    dispatched: '派遣',
    escalated: '上报',
    resolved: '办结',
    closed: '关闭',
    silenced: '静默',
    reopened: '重新打开',
  },
  role: {
    wall: '大屏',
    'duty-officer': '值班员',
    analyst: '研判员',
    'intake-clerk': '受理员',
    admin: '管理员',
    'grid-worker': '网格员',
    auditor: '审计员',
    'account-admin': '账号管理员',
  },
  system: '系统',
  escalateTo: (level: string) => `上报至${level}`,
  escalateTop: '已是市级，无法继续上报',
  escalateNoteRequired: '上报须填写说明',
  dispatchTo: (unit: string) => `派往${unit}`,
  dispatchUnit: '派往单位',
  evidenceCount: (n: number) => `${n} 条证据事件`,
  caseNo: '案件',
  cameraOnline: '在线',
  confidence: '置信度',
  headCount: '人数',
  snapshot: '有抓拍',
  cameraOffline: '离线',
  toCase: '转为案件',
  caseIs: '已转为案件',
  caseMade: '案件已生成',
  caseCategory: '类别',
  caseSummary: '摘要',
  caseProblem: {
    'summary-empty': '摘要不能为空',
    'summary-long': '摘要过长（500字以内）',
    category: '类别无效',
  },
  fromAlerts: '来源预警',
  openAlert: '在值班台打开',
} as const;

type DutyStrings = {
  readonly [K in keyof typeof DUTY_ZH]: (typeof DUTY_ZH)[K] extends string
    ? string
    : (typeof DUTY_ZH)[K] extends (...a: infer A) => string
      ? (...a: A) => string
      : { readonly [P in keyof (typeof DUTY_ZH)[K]]: string };
};

const DUTY_EN: DutyStrings = {
  level: { grid: 'grid', township: 'township', county: 'county', city: 'city' },
  change: {
    raised: 'raised',
    updated: 'updated',
    acknowledged: 'acknowledged',
    dispatched: 'dispatched',
    escalated: 'escalated',
    resolved: 'resolved',
    closed: 'closed',
    silenced: 'silenced',
    reopened: 'reopened',
  },
  role: {
    wall: 'wall',
    'duty-officer': 'duty officer',
    analyst: 'analyst',
    'intake-clerk': 'intake clerk',
    admin: 'admin',
    'grid-worker': 'grid worker',
    auditor: 'auditor',
    'account-admin': 'account admin',
  },
  system: 'system',
  escalateTo: (level: string) => `Escalate to ${level}`,
  escalateTop: 'Already at city level; cannot escalate further',
  escalateNoteRequired: 'An escalation needs a note',
  dispatchTo: (unit: string) => `to ${unit}`,
  dispatchUnit: 'Unit',
  evidenceCount: (n: number) => `${n} events`,
  caseNo: 'case',
  cameraOnline: 'online',
  confidence: 'confidence',
  headCount: 'people',
  snapshot: 'snapshot kept',
  cameraOffline: 'offline',
  toCase: 'Make a case',
  caseIs: 'Already case',
  caseMade: 'Case created',
  caseCategory: 'Category',
  caseSummary: 'Summary',
  caseProblem: {
    'summary-empty': 'The summary is empty',
    'summary-long': 'The summary is too long (500 at most)',
    category: 'Unknown category',
  },
  fromAlerts: 'From alerts',
  openAlert: 'Open on the duty console',
};

export function dutyStringsFor(lang: Lang): DutyStrings {
  return lang === 'en' ? DUTY_EN : DUTY_ZH;
}

/** This page load's duty strings (Chinese unless `?lang=en`). */
export const D: DutyStrings = dutyStringsFor(
  typeof window === 'undefined' ? 'zh' : currentLang(window.location.search),
);
