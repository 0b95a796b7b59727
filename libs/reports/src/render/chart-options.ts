import { type EChartsOption } from 'echarts';
import { COLOUR_HEX } from '../labels';
import {
  type AlertRow,
  type CameraHealth,
  type CategoryRow,
  type TierRow,
  type TrendPoint,
} from '../model/report-model';

/** Print-friendly: no animation (a PDF would catch the first frame), CJK font, muted palette. */
const BASE: EChartsOption = {
  animation: false,
  textStyle: { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, sans-serif', fontSize: 12 },
  color: ['#2f5597', '#70ad47', '#ed7d31', '#a5a5a5', '#ffc000'],
  legend: { top: 0 },
  grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
};

export function buildCategoryOption(rows: readonly CategoryRow[]): EChartsOption {
  return {
    ...BASE,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.label).reverse() },
    series: [
      {
        name: '受理',
        type: 'bar',
        data: rows.map((r) => r.casesIn).reverse(),
        label: { show: true, position: 'right' },
      },
      {
        name: '办结',
        type: 'bar',
        data: rows.map((r) => r.closed).reverse(),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export function buildTierOption(rows: readonly TierRow[]): EChartsOption {
  return {
    ...BASE,
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '按期率 %', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      { name: '受理', type: 'bar', data: rows.map((r) => r.casesIn) },
      { name: '办结', type: 'bar', data: rows.map((r) => r.closed) },
      {
        name: '按期办结率',
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => (r.onTimeRate === null ? null : Math.round(r.onTimeRate * 1000) / 10)),
        label: { show: true, formatter: '{c}%' },
      },
    ],
  };
}

export function buildTrendOption(points: readonly TrendPoint[]): EChartsOption {
  return {
    ...BASE,
    xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '受理',
        type: 'line',
        data: points.map((p) => p.casesIn),
        areaStyle: { opacity: 0.15 },
        symbol: 'none',
      },
      { name: '办结', type: 'line', data: points.map((p) => p.closed), symbol: 'none' },
    ],
  };
}

export function buildAlertOption(rows: readonly AlertRow[]): EChartsOption {
  return {
    ...BASE,
    legend: { show: false },
    xAxis: { type: 'category', data: rows.map((r) => r.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '预警数',
        type: 'bar',
        barWidth: '40%',
        data: rows.map((r) => ({ value: r.raised, itemStyle: { color: COLOUR_HEX[r.colour] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

export function buildCameraOption(health: CameraHealth): EChartsOption {
  return {
    ...BASE,
    color: ['#70ad47', '#c00000'],
    series: [
      {
        name: '摄像头',
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: '{b}\n{c}（{d}%）' },
        data: [
          { name: '在线', value: health.online },
          { name: '离线', value: health.offline },
        ],
      },
    ],
  };
}
