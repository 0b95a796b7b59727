import { type AlertColour, type AlertState } from '@fengqiao/contracts';

/** Every user-facing string, Chinese by default and English on `?lang=en` (issue 6: "one place"). */
const zh = {
  appTitle: '枫桥 · 巴中市综治中心',
  appSubtitle: '风险预警与视频监控指挥平台',
  navWall: '大屏',
  navDuty: '值班台',
  navAnalysis: '研判分析',
  login: '登录',
  logout: '退出',
  username: '用户名',
  password: '密码',
  loginFailed: '登录失败',
  kioskLogin: '大屏设备登录',
  connecting: '正在连接实时数据…',
  reconnecting: '连接中断，正在重连…',
  resyncing: '正在重新同步预警…',
  stale: '数据过期',
  updatedAgo: (s: string) => `${s}前更新`,
  awaitingApi: '待接口',
  ticker: '实时预警',
  noOpenAlerts: '当前无未处理预警',
  map: '五区县态势',
  trends24h: '近24小时 · 按类别',
  trends7d: '近7天 · 按类别',
  hotspots: '热点乡镇',
  topCategory: '主要因素',
  videoPatrol: '视频巡查',
  nearbyCameras: '附近摄像头',
  queue: '预警队列',
  detail: '预警详情',
  explanation: '研判依据',
  evidence: '证据',
  thresholds: '阈值',
  values: '观测值',
  history: '处置记录',
  location: '位置',
  acknowledge: '签收',
  dispatch: '派遣',
  escalate: '上报',
  resolve: '办结',
  silence: '静默',
  note: '备注',
  unit: '派遣单位',
  outcome: '办结结果',
  submit: '确认',
  cancel: '取消',
  conflict: '冲突：该预警已被他人更新，已载入最新版本',
  noteRequired: '红色预警签收须填写备注',
  escalateMissing: '上报接口尚未提供',
  shortcuts: '快捷键：j/k 选择 · a 签收 · d 派遣 · e 上报 · r 办结 · s 静默 · Esc 取消',
  selectAlert: '请选择预警',
  trends: '趋势',
  yoy: '同比',
  previousYear: '去年同期',
  currentRange: '本期',
  breakdown: '区域分布',
  categories: '类别构成',
  exportCsv: '导出CSV',
  exportPng: '导出PNG',
  back: '返回上级',
  city: '全市',
  bucket: '粒度',
  range: '时间范围',
  category: '类别',
  allCategories: '全部类别',
  hour: '小时',
  day: '日',
  week: '周',
  month: '月',
  days: (n: number) => `近${n}天`,
  events: '事件数',
} as const;

type Strings = { readonly [K in keyof typeof zh]: (typeof zh)[K] extends string ? string : (typeof zh)[K] };

const en: Strings = {
  appTitle: 'Fengqiao · Bazhong Governance Center',
  appSubtitle: 'Risk warning and video monitoring command dashboard',
  navWall: 'Wall',
  navDuty: 'Duty console',
  navAnalysis: 'Analysis',
  login: 'Sign in',
  logout: 'Sign out',
  username: 'Username',
  password: 'Password',
  loginFailed: 'Sign-in failed',
  kioskLogin: 'Wall device sign-in',
  connecting: 'Connecting to the live stream…',
  reconnecting: 'Connection lost — reconnecting…',
  resyncing: 'Resynchronising alerts…',
  stale: 'stale',
  updatedAgo: (s: string) => `updated ${s} ago`,
  awaitingApi: 'awaiting API',
  ticker: 'Live alerts',
  noOpenAlerts: 'No open alerts',
  map: 'Districts',
  trends24h: 'Last 24 h by category',
  trends7d: 'Last 7 days by category',
  hotspots: 'Hotspot townships',
  topCategory: 'main factor',
  videoPatrol: 'Video patrol',
  nearbyCameras: 'Nearby cameras',
  queue: 'Alert queue',
  detail: 'Alert detail',
  explanation: 'Explanation',
  evidence: 'Evidence',
  thresholds: 'Thresholds',
  values: 'Values',
  history: 'History',
  location: 'Location',
  acknowledge: 'Acknowledge',
  dispatch: 'Dispatch',
  escalate: 'Escalate',
  resolve: 'Resolve',
  silence: 'Silence',
  note: 'Note',
  unit: 'Unit',
  outcome: 'Outcome',
  submit: 'Confirm',
  cancel: 'Cancel',
  conflict: 'Conflict: someone else changed this alert; the current version is loaded',
  noteRequired: 'A red alert needs a note',
  escalateMissing: 'The API has no escalate route yet',
  shortcuts: 'Keys: j/k select · a ack · d dispatch · e escalate · r resolve · s silence · Esc cancel',
  selectAlert: 'Select an alert',
  trends: 'Trends',
  yoy: 'Year on year',
  previousYear: 'same range last year',
  currentRange: 'this range',
  breakdown: 'By region',
  categories: 'By category',
  exportCsv: 'Export CSV',
  exportPng: 'Export PNG',
  back: 'Up one level',
  city: 'City',
  bucket: 'Bucket',
  range: 'Range',
  category: 'Category',
  allCategories: 'All categories',
  hour: 'Hour',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  days: (n: number) => `Last ${n} days`,
  events: 'Events',
};

export type Lang = 'zh' | 'en';

export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** The language of this page load: `?lang=en` switches, everything else stays Chinese. */
export function currentLang(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}

export const S: Strings = stringsFor(
  typeof window === 'undefined' ? 'zh' : currentLang(window.location.search),
);

/** Colour and state names for display, in both languages. */
const LABELS = {
  zh: {
    colour: { red: '红色', orange: '橙色', blue: '蓝色' },
    state: {
      raised: '待签收',
      acknowledged: '已签收',
      dispatched: '已派遣',
      resolved: '已办结',
      closed: '已关闭',
      silenced: '已静默',
      escalated: '已上报',
      reopened: '重新打开',
    },
    outcome: { 'real-incident': '属实', 'false-alarm': '误报', duplicate: '重复' },
  },
  en: {
    colour: { red: 'Red', orange: 'Orange', blue: 'Blue' },
    state: {
      raised: 'raised',
      acknowledged: 'acknowledged',
      dispatched: 'dispatched',
      resolved: 'resolved',
      closed: 'closed',
      silenced: 'silenced',
      escalated: 'escalated',
      reopened: 'reopened',
    },
    outcome: { 'real-incident': 'real incident', 'false-alarm': 'false alarm', duplicate: 'duplicate' },
  },
} as const satisfies Record<
  Lang,
  {
    colour: Record<AlertColour, string>;
    state: Record<AlertState, string>;
    outcome: Record<'real-incident' | 'false-alarm' | 'duplicate', string>;
  }
>;

export const L = LABELS[typeof window === 'undefined' ? 'zh' : currentLang(window.location.search)];

const CATEGORY_ZH: Readonly<Record<string, string>> = {
  neighbourhood: '邻里纠纷',
  'marriage-family': '婚姻家庭',
  'land-acquisition': '征地拆迁',
  'property-housing': '物业住房',
  'labour-wages': '劳资欠薪',
  'contract-debt': '合同债务',
  medical: '医疗纠纷',
  traffic: '交通事故',
  environment: '环境污染',
  consumer: '消费维权',
  petition: '信访',
  other: '其他',
  crowd: '人群聚集',
  fight: '打架斗殴',
  intrusion: '区域入侵',
  loitering: '徘徊滞留',
  'fire-smoke': '烟火',
  'abandoned-object': '遗留物',
  congestion: '拥堵',
};

/** A category code as shown: Chinese name by default, the code itself in English. */
export function categoryLabel(code: string): string {
  return L === LABELS.en ? code : (CATEGORY_ZH[code] ?? code);
}
