import { type TrendPoint } from '@fengqiao/contracts';
import { cityDateOf } from '@fengqiao/domain';
import type { ChartOption } from '../EChart';
import { THEME } from './palette';

/** A day bucket (Beijing midnight as an instant) → its Beijing date, "2026-11-27". */
export function beijingDate(iso: string): string {
  return cityDateOf(Date.parse(iso));
}

/** Day buckets of any regions and categories → one total per Beijing date, in date order. */
export function dailyTotals(points: readonly TrendPoint[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const p of points) {
    const day = beijingDate(p.bucket);
    sums.set(day, (sums.get(day) ?? 0) + p.events);
  }
  return [...sums].sort((a, b) => a[0].localeCompare(b[0]));
}

export interface CalendarInput {
  readonly days: readonly (readonly [string, number])[];
  /** The calendar's first and last date (the view's range), so empty days show as cells too. */
  readonly range: readonly [string, string];
  readonly scale: number;
  readonly lang: 'zh' | 'en';
}

// Explicit names: echarts' locale lookup depends on which locales the bundle registered.
const DAY_NAMES = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['S', 'M', 'T', 'W', 'T', 'F', 'S'] };
const MONTH_NAMES = {
  zh: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** One cell per day, weeks as columns, shaded by events (the heat scale of the map, no red). */
export function buildCalendarOption({ days, range, scale, lang }: CalendarInput): ChartOption {
  const max = Math.max(1, ...days.map((d) => d[1]));
  const font = Math.round(12 * scale);
  return {
    backgroundColor: 'transparent',
    tooltip: { formatter: '{c}' },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 10 * scale,
      itemHeight: 80 * scale,
      inRange: { color: [...THEME.heat] },
      textStyle: { color: THEME.muted, fontSize: font },
    },
    calendar: {
      range: [...range],
      top: 28 * scale,
      left: 36 * scale,
      right: 12 * scale,
      bottom: 40 * scale,
      cellSize: ['auto', 'auto'],
      splitLine: { lineStyle: { color: THEME.grid, width: 1 } },
      itemStyle: { color: THEME.panel, borderColor: '#050b18', borderWidth: 1 },
      dayLabel: { color: THEME.muted, fontSize: font, firstDay: 1, nameMap: DAY_NAMES[lang] },
      monthLabel: { color: THEME.muted, fontSize: font, nameMap: MONTH_NAMES[lang] },
      yearLabel: { show: false },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: days.map((d) => [d[0], d[1]]) }],
  };
}
