import type { ChartOption } from '../EChart';
import { THEME } from './palette';

export interface OnlineShareRow {
  readonly region: string;
  /** Display name; the code when unknown. */
  readonly name: string;
  readonly total: number;
  readonly online: number;
  readonly onlineShare: number;
}

/** Below this share a region's bar turns orange, below half red: dark cameras are what to fix first. */
const WARN_SHARE = 0.9;

export function shareColour(share: number): string {
  return share < 0.5 ? THEME.red : share < WARN_SHARE ? THEME.orange : THEME.blue;
}

/** Horizontal bars of online share per region (worst on top), labelled "online/total"; a click drills in. */
export function buildOnlineShareOption(rows: readonly OnlineShareRow[], scale: number): ChartOption {
  const shown = [...rows].slice(0, 30).reverse();
  const font = Math.round(14 * scale);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8, right: 90 * scale, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: THEME.muted, fontSize: font, formatter: '{value}%' },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    yAxis: {
      type: 'category',
      data: shown.map((r) => r.name),
      axisLabel: { color: THEME.text, fontSize: font },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28 * scale,
        data: shown.map((r) => ({
          value: Math.round(r.onlineShare * 1000) / 10,
          region: r.region,
          itemStyle: { color: shareColour(r.onlineShare) },
          label: { formatter: `${(r.onlineShare * 100).toFixed(1)}% · ${r.online}/${r.total}` },
        })),
        label: { show: true, position: 'right', color: THEME.text, fontSize: font },
      },
    ],
  };
}
