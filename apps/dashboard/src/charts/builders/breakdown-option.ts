import type { ChartOption } from '../EChart';
import { THEME } from './palette';

export interface BreakdownRow {
  readonly region: string;
  readonly name: string | null;
  readonly events: number;
}

/** Horizontal bars of the regions one level below, largest on top; a bar click drills down. */
export function buildBreakdownOption(rows: readonly BreakdownRow[], scale: number): ChartOption {
  const top = [...rows]
    .sort((a, b) => b.events - a.events)
    .slice(0, 20)
    .reverse();
  const font = Math.round(14 * scale);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8, right: 40 * scale, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      axisLabel: { color: THEME.muted, fontSize: font },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.name ?? r.region),
      axisLabel: { color: THEME.text, fontSize: font },
    },
    series: [
      {
        type: 'bar',
        data: top.map((r) => ({ value: r.events, region: r.region })),
        itemStyle: { color: THEME.blue },
        label: { show: true, position: 'right', color: THEME.text, fontSize: font },
      },
    ],
  };
}
