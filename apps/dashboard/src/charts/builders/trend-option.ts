import { cityClockTime, cityDateOf } from '@fengqiao/domain';
import type { ChartOption } from '../EChart';
import { categoryLabel } from '../../i18n/strings';
import { THEME } from './palette';
import { type CategorySeries, type ViewBucket } from './trend-series';

export interface TrendOptionInput {
  readonly data: CategorySeries;
  readonly bucket: ViewBucket;
  /** Font multiplier (palette.fontScale). */
  readonly scale: number;
  /** Stacked areas on the wall; lines for analysis. */
  readonly stacked: boolean;
}

/** "2026-11-27T06:00:00.000Z" → a short Beijing-time label for the bucket size. */
export function bucketLabel(bucket: string, size: ViewBucket): string {
  if (size === 'month') return bucket;
  const ms = Date.parse(bucket);
  return size === 'hour' ? `${cityClockTime(ms).slice(0, 2)}时` : cityDateOf(ms).slice(5);
}

/** Counts per category over time. */
export function buildTrendOption({ data, bucket, scale, stacked }: TrendOptionInput): ChartOption {
  const font = Math.round(14 * scale);
  return {
    backgroundColor: 'transparent',
    color: [...THEME.series],
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8 * scale, right: 24 * scale, top: 36 * scale, bottom: 4 * scale, containLabel: true },
    legend: {
      type: 'scroll',
      top: 0,
      textStyle: { color: THEME.muted, fontSize: font },
      itemWidth: 14 * scale,
      itemHeight: 10 * scale,
      pageIconColor: THEME.text,
    },
    tooltip: { trigger: 'axis', textStyle: { fontSize: font } },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.buckets.map((b) => bucketLabel(b, bucket)),
      axisLabel: { color: THEME.muted, fontSize: font, hideOverlap: true },
      axisLine: { lineStyle: { color: THEME.grid } },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: THEME.muted, fontSize: font },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: data.series.map((s) => ({
      type: 'line',
      name: categoryLabel(s.category),
      data: [...s.values],
      smooth: true,
      showSymbol: false,
      lineStyle: { width: 2 * scale },
      ...(stacked ? { stack: 'all', areaStyle: { opacity: 0.35 } } : {}),
    })),
  };
}
