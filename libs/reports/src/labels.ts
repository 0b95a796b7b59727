import {
  type AlertColour,
  type ReportLevel,
  type ReportPeriodKind,
  type ServiceTier,
} from '@fengqiao/contracts';
import { CASE_CATEGORY_NAMES_ZH } from '@fengqiao/domain';

/** Chinese names of the dispute categories: the one table in @fengqiao/domain, shared with the dashboard. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = CASE_CATEGORY_NAMES_ZH;

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

export const TIER_LABELS: Readonly<Record<ServiceTier, string>> = {
  consultation: '政策咨询',
  simple: '简易纠纷',
  general: '一般纠纷',
  complex: '复杂纠纷',
  major: '重大纠纷',
};

/** What each tier promises (domain.md), shown beside its on-time rate. */
export const TIER_PROMISE_LABELS: Readonly<Record<ServiceTier, string>> = {
  consultation: '现场解答',
  simple: '当日办结',
  general: '5个工作日办理',
  complex: '两月办结',
  major: '24小时内领导包案',
};

export const COLOUR_LABELS: Readonly<Record<AlertColour, string>> = {
  blue: '蓝色预警',
  orange: '橙色预警',
  red: '红色预警',
};

/** Colours as drawn; the wall uses the same three hues. */
export const COLOUR_HEX: Readonly<Record<AlertColour, string>> = {
  blue: '#1e6fd9',
  orange: '#f08c00',
  red: '#d9302c',
};

export const LEVEL_LABELS: Readonly<Record<ReportLevel, string>> = {
  city: '市级',
  county: '区县',
  township: '乡镇',
  village: '村/社区',
  grid: '网格',
};

export const PERIOD_LABELS: Readonly<Record<ReportPeriodKind, string>> = {
  day: '日报',
  week: '周报',
  month: '月报',
};
