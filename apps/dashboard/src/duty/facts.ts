import { type Lang } from '../i18n/strings';

/** The words of a rule's facts (explanation values and thresholds), as the rules name them. */
const FACT_ZH: Readonly<Record<string, string>> = {
  analyticsKind: '识别类型',
  caseType: '事件类型',
  category: '类别',
  confidence: '置信度',
  headCount: '人数',
  online: '在线',
  siteType: '场所',
  extremeWords: '极端言论',
  groupPetition: '群体访',
  violenceRisk: '暴力风险',
  repeatVisits: '重复来访',
  visits: '来访次数',
  count: '次数',
  minCount: '最少次数',
  windowMs: '时间窗',
  mean: '均值',
  std: '标准差',
  z: '偏离度(z)',
  hourOfWeek: '周内小时',
  offline: '离线数',
  total: '总数',
  share: '占比',
  usedShare: '已用时限',
  hoursLeft: '剩余小时',
  dueAt: '截止时间',
  distanceM: '距离',
  radiusM: '半径',
  incidentColour: '关联预警级别',
  incidentAlertId: '关联预警',
  lastAlertId: '上次预警',
  red: '红色',
  orange: '橙色',
  blue: '蓝色',
};

const SHARES = new Set(['confidence', 'share', 'usedShare']);
const ALERT_IDS = new Set(['incidentAlertId', 'lastAlertId']);

/** How a fact's value is named: categories, site types and colours by their names. */
export interface FactNames {
  readonly category: (code: string) => string;
  readonly siteType: (code: string) => string;
  readonly colour: (code: string) => string;
}

export interface FactLine {
  readonly key: string;
  readonly label: string;
  readonly text: string;
}

function textOf(key: string, v: string | number | boolean, lang: Lang, names: FactNames): string {
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  if (typeof v === 'number') {
    if (SHARES.has(key)) return `${Math.round(v * 1000) / 10}%`;
    if (key === 'windowMs')
      return lang === 'en' ? `${Math.round(v / 60_000)} min` : `${Math.round(v / 60_000)} 分钟`;
    if (key === 'distanceM' || key === 'radiusM') return `${Math.round(v)} m`;
    return String(v);
  }
  if (key === 'category' || key === 'analyticsKind' || key === 'caseType') return names.category(v);
  if (key === 'siteType') return names.siteType(v);
  if (key === 'incidentColour') return names.colour(v);
  // Another alert's id is a link target, not something to read: its first block is enough to tell.
  if (ALERT_IDS.has(key)) return v.slice(0, 8);
  return v;
}

/** A rule's facts as a person reads them: Chinese labels (the code on hover) and named values. */
export function factLines(
  values: Readonly<Record<string, string | number | boolean>>,
  lang: Lang,
  names: FactNames,
): readonly FactLine[] {
  return Object.entries(values).map(([key, v]) => ({
    key,
    label: lang === 'en' ? key : (FACT_ZH[key] ?? key),
    text: textOf(key, v, lang, names),
  }));
}
