import type { ChartOption } from '../EChart';
import { THEME } from './palette';

/** One bar row: a rule (or region) and its two values. */
export interface PairedBars {
  readonly label: string;
  readonly a: number | null;
  readonly b: number | null;
}

/** Horizontal bars, two per row (the first row on top); a missing value is a gap, not a zero. */
export function buildPairedBarsOption(
  rows: readonly PairedBars[],
  names: { readonly a: string; readonly b: string },
  colours: readonly [string, string],
  scale: number,
): ChartOption {
  const font = Math.round(13 * scale);
  const shown = [...rows].reverse(); // a category axis draws its first item at the bottom
  return {
    backgroundColor: 'transparent',
    color: [...colours],
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8 * scale, right: 40 * scale, top: 28 * scale, bottom: 4 * scale, containLabel: true },
    legend: {
      top: 0,
      textStyle: { color: THEME.muted, fontSize: font },
      itemWidth: 12 * scale,
      itemHeight: 8 * scale,
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      axisLabel: { color: THEME.muted, fontSize: font },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.label),
      axisLabel: { color: THEME.text, fontSize: font, width: 220 * scale, overflow: 'truncate' },
    },
    series: [
      { type: 'bar', name: names.a, data: shown.map((r) => r.a), barGap: '10%', label: barLabel(font) },
      { type: 'bar', name: names.b, data: shown.map((r) => r.b), label: barLabel(font) },
    ],
  };
}

const barLabel = (font: number) =>
  ({ show: true, position: 'right', color: THEME.muted, fontSize: Math.round(font * 0.9) }) as const;

/** Minutes with one decimal (ECharts axis values), null kept as a gap. */
export function minutesOf(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 6000) / 10;
}
