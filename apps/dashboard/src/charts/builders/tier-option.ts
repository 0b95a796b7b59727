import { SERVICE_TIERS, type ServiceTier, type TierCompliancePoint } from '@fengqiao/contracts';
import type { ChartOption } from '../EChart';
import { THEME } from './palette';
import { bucketLabel } from './trend-option';

/** On-time rate per tier over time, one line per tier, 0–100 %; a bucket with nothing due is a gap. */
export function buildTierComplianceOption(
  points: readonly TierCompliancePoint[],
  tierName: (t: ServiceTier) => string,
  scale: number,
): ChartOption {
  const buckets = [...new Set(points.map((p) => p.bucket))].sort();
  const font = Math.round(13 * scale);
  const rateOf = (tier: ServiceTier, bucket: string): number | null => {
    const p = points.find((x) => x.tier === tier && x.bucket === bucket);
    return p?.rate == null ? null : Math.round(p.rate * 1000) / 10;
  };
  return {
    backgroundColor: 'transparent',
    color: [...THEME.series],
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8 * scale, right: 16 * scale, top: 32 * scale, bottom: 4 * scale, containLabel: true },
    legend: {
      top: 0,
      textStyle: { color: THEME.muted, fontSize: font },
      itemWidth: 12 * scale,
      itemHeight: 8 * scale,
    },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => bucketLabel(b, 'day')),
      axisLabel: { color: THEME.muted, fontSize: font, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { color: THEME.muted, fontSize: font, formatter: '{value}%' },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: SERVICE_TIERS.map((tier) => ({
      type: 'line',
      name: tierName(tier),
      data: buckets.map((b) => rateOf(tier, b)),
      connectNulls: false,
      showSymbol: buckets.length < 40,
      lineStyle: { width: 2 * scale },
    })),
  };
}

/** Online share of the cameras over time (0–100 %). */
export function buildCameraHealthOption(
  points: readonly { bucket: string; onlineShare: number | null }[],
  bucket: 'hour' | 'day',
  scale: number,
): ChartOption {
  const font = Math.round(13 * scale);
  return {
    backgroundColor: 'transparent',
    textStyle: { color: THEME.text, fontSize: font },
    grid: { left: 8 * scale, right: 16 * scale, top: 16 * scale, bottom: 4 * scale, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`) },
    xAxis: {
      type: 'category',
      data: points.map((p) => bucketLabel(p.bucket, bucket)),
      axisLabel: { color: THEME.muted, fontSize: font, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      max: 100,
      scale: true,
      axisLabel: { color: THEME.muted, fontSize: font, formatter: '{value}%' },
      splitLine: { lineStyle: { color: THEME.grid } },
    },
    series: [
      {
        type: 'line',
        data: points.map((p) => (p.onlineShare === null ? null : Math.round(p.onlineShare * 1000) / 10)),
        showSymbol: false,
        lineStyle: { width: 2 * scale, color: THEME.series[1] },
        areaStyle: { opacity: 0.2, color: THEME.series[1] },
      },
    ],
  };
}
