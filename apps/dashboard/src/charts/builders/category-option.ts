import { categoryLabel } from '../../i18n/strings';
import type { ChartOption } from '../EChart';
import { THEME } from './palette';

/** A ring of the categories' shares. */
export function buildCategoryOption(
  totals: readonly { readonly category: string; readonly events: number }[],
  scale: number,
): ChartOption {
  const font = Math.round(14 * scale);
  return {
    backgroundColor: 'transparent',
    color: [...THEME.series],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        data: totals.map((t) => ({ name: categoryLabel(t.category), value: t.events })),
        label: { color: THEME.text, fontSize: font, formatter: '{b}\n{d}%' },
      },
    ],
  };
}

/** This range against the same range a year earlier, as two bars. */
export function buildYearOnYearOption(
  input: { readonly current: number; readonly previous: number; readonly labels: readonly [string, string] },
  scale: number,
): ChartOption {
  const font = Math.round(14 * scale);
  return {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 8, top: 24 * scale, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...input.labels], axisLabel: { color: THEME.text, fontSize: font } },
    yAxis: {
      type: 'value',
      axisLabel: { color: THEME.muted, fontSize: font },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        type: 'bar',
        barWidth: '40%',
        data: [
          { value: input.previous, itemStyle: { color: THEME.muted } },
          { value: input.current, itemStyle: { color: THEME.blue } },
        ],
        label: { show: true, position: 'top', color: THEME.text, fontSize: font },
      },
    ],
  };
}
