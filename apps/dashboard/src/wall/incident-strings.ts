import { SITE_TYPES, type EscalationLevel, type SiteType } from '@fengqiao/contracts';
import { currentLang } from '../i18n/strings';
import { type PatrolScope, type WallView } from './wall-config';
import { districtName } from './wall-data';

const ZH = {
  takeover: '红色预警 · 大屏接管',
  countdown: '待签收',
  queued: '排队',
  summary: '案情摘要',
  rule: '预警规则',
  facts: '研判依据',
  threshold: '阈值',
  raisedAt: '发生时间',
  level: '当前层级',
  nearest: '就近视频',
  wholeCity: '全市',
  views: { city: '全市总览', county: '区县视图', video: '视频墙', trends: '趋势分析' },
  levels: { grid: '网格', township: '乡镇', county: '区县', city: '市级' },
  configProblem: '大屏配置有误，已用默认值',
  sites: {
    'key-industry': '重点行业',
    square: '广场',
    station: '车站',
    school: '学校',
    'smart-community': '智慧平安小区',
    road: '道路',
  } as Readonly<Record<SiteType, string>>,
};
const EN: typeof ZH = {
  takeover: 'Red alert · wall takeover',
  countdown: 'Awaiting acknowledgement',
  queued: 'queued',
  summary: 'Summary',
  rule: 'Rule',
  facts: 'Why it fired',
  threshold: 'threshold',
  raisedAt: 'Raised',
  level: 'Level',
  nearest: 'Nearest video',
  wholeCity: 'Whole city',
  views: { city: 'City overview', county: 'County', video: 'Video wall', trends: 'Trends' },
  levels: { grid: 'grid', township: 'township', county: 'county', city: 'city' },
  configProblem: 'Wall configuration invalid, defaults used',
  sites: {
    'key-industry': 'key industries',
    square: 'squares',
    station: 'stations',
    school: 'schools',
    'smart-community': 'safe communities',
    road: 'roads',
  },
};

/** The incident mode's and the rotation's words (the wall is Chinese; `?lang=en` for visitors). */
export const IW = typeof window !== 'undefined' && currentLang(window.location.search) === 'en' ? EN : ZH;

export const levelLabel = (l: EscalationLevel): string => IW.levels[l];

export function viewLabel(v: WallView): string {
  return v.kind === 'county' ? districtName(v.county) : IW.views[v.kind];
}

const isSiteType = (s: string): s is SiteType => (SITE_TYPES as readonly string[]).includes(s);

/** "通江县 · 学校": where a video wall patrols. */
export function scopeLabel(scope: PatrolScope): string {
  const region = scope.township ?? scope.county;
  const where = region === undefined ? IW.wholeCity : districtName(region);
  const site = scope.siteType;
  return site !== undefined && isSiteType(site) ? `${where} · ${IW.sites[site]}` : where;
}

/** "01:45": minutes and seconds of a countdown. */
export function mmss(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
