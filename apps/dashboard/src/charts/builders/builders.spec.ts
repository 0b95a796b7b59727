import { type TierCompliancePoint, type TrendPoint } from '@fengqiao/contracts';
import { buildBreakdownOption } from './breakdown-option';
import { buildCalendarOption, dailyTotals } from './calendar-option';
import { buildDrillMapOption } from './drill-map-option';
import { buildCategoryOption, buildYearOnYearOption } from './category-option';
import { buildMapOption } from './map-option';
import { fontScale } from './palette';
import { buildCameraHealthOption, buildTierComplianceOption } from './tier-option';
import { bucketLabel, buildTrendOption } from './trend-option';
import { foldToMonths, seriesByCategory, totalsByCategory } from './trend-series';

const p = (bucket: string, category: string, events: number, region = '511902'): TrendPoint => ({
  bucket,
  region,
  category,
  events,
});
const H0 = '2026-11-26T16:00:00.000Z';
const H1 = '2026-11-26T17:00:00.000Z';

describe('trend series shaping', () => {
  it('sums regions into one series per category, zero-filling missing buckets', () => {
    const s = seriesByCategory([p(H0, 'traffic', 2), p(H0, 'traffic', 3, '511903'), p(H1, 'medical', 4)]);
    expect(s.buckets).toEqual([H0, H1]);
    expect(s.series).toEqual([
      { category: 'traffic', values: [5, 0] },
      { category: 'medical', values: [0, 4] },
    ]);
  });

  it('folds the smallest categories into "other" beyond the series limit', () => {
    const points = ['a', 'b', 'c', 'd'].map((c, i) => p(H0, c, 10 - i));
    const s = seriesByCategory(points, 3);
    expect(s.series.map((x) => x.category)).toEqual(['a', 'b', 'other']);
    expect(s.series[2]?.values).toEqual([8 + 7]);
  });

  it('folds day buckets into Beijing calendar months', () => {
    const months = foldToMonths([
      p('2026-03-31T16:00:00.000Z', 'traffic', 1), // 1 April, Beijing
      p('2026-04-29T16:00:00.000Z', 'traffic', 2),
      p('2026-03-30T16:00:00.000Z', 'traffic', 5), // 31 March
    ]);
    expect(months.map((m) => [m.bucket, m.events]).sort()).toEqual([
      ['2026-03', 5],
      ['2026-04', 3],
    ]);
  });

  it('totals categories largest first', () => {
    expect(totalsByCategory([p(H0, 'a', 1), p(H1, 'b', 3), p(H1, 'a', 1)])).toEqual([
      { category: 'b', events: 3 },
      { category: 'a', events: 2 },
    ]);
  });
});

describe('option builders (no DOM)', () => {
  it('labels hour buckets in Beijing time and stacks the wall trend', () => {
    expect(bucketLabel(H0, 'hour')).toBe('00时');
    expect(bucketLabel(H0, 'day')).toBe('11-27');
    const option = buildTrendOption({
      data: seriesByCategory([p(H0, 'traffic', 2)]),
      bucket: 'hour',
      scale: 2,
      stacked: true,
    });
    expect(option.series).toEqual([expect.objectContaining({ name: '交通事故', stack: 'all', data: [2] })]);
    expect(option.textStyle).toEqual(expect.objectContaining({ fontSize: 28 }));
  });

  it('scales fonts with the viewport height: 4K is twice 1080p', () => {
    expect(fontScale(1080)).toBe(1);
    expect(fontScale(2160)).toBe(2);
  });

  it('shades districts by heat and marks alerts in their colour', () => {
    const option = buildMapOption({
      mapName: 'bazhong',
      heat: [
        { name: '巴州区', value: 40 },
        { name: '通江县', value: 10 },
      ],
      markers: [{ name: 'x', lon: 106.8, lat: 31.9, colour: 'red' }],
      scale: 1,
    });
    expect(option.visualMap).toEqual(expect.objectContaining({ min: 10, max: 40 }));
    const [map, scatter] = option.series as { data: unknown[] }[];
    expect(map?.data).toHaveLength(2);
    expect(scatter?.data).toEqual([
      {
        name: 'x',
        value: [106.8, 31.9],
        itemStyle: { color: '#ff3b3b', borderColor: '#ffffff', borderWidth: 2 },
      },
    ]);
  });

  it('puts the biggest region on top of the breakdown and keeps its code for drill-down', () => {
    const option = buildBreakdownOption(
      [
        { region: '511902', name: '巴州区', events: 5 },
        { region: '511921', name: null, events: 9 },
      ],
      1,
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['巴州区', '511921']);
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([
      { value: 5, region: '511902' },
      { value: 9, region: '511921' },
    ]);
  });

  it('builds the category ring and the year-on-year bars', () => {
    const ring = buildCategoryOption([{ category: 'medical', events: 3 }], 1);
    expect((ring.series as { data: unknown[] }[])[0]?.data).toEqual([{ name: '医疗纠纷', value: 3 }]);
    const yoy = buildYearOnYearOption({ current: 82, previous: 100, labels: ['2025', '2026'] }, 1);
    expect((yoy.series as { data: { value: number }[] }[])[0]?.data.map((d) => d.value)).toEqual([100, 82]);
  });
});

describe('the wall map layers', () => {
  it('pulses hotspots sized by events, hotter when far above usual, and labels camera shares', () => {
    const option = buildMapOption({
      mapName: 'bazhong',
      heat: [],
      markers: [],
      scale: 1,
      hotspots: [
        { name: 'a', lon: 106.7, lat: 31.8, events: 40, ratio: 2.5 },
        { name: 'b', lon: 107.1, lat: 31.5, events: 20, ratio: 1 },
      ],
      cameraShares: [{ name: '巴州区', text: '在线 93.2%' }],
    });
    const [, , hot] = option.series as {
      data: { name: string; symbolSize?: number; itemStyle?: unknown }[];
    }[];
    expect(hot?.data.map((d) => [d.name, d.symbolSize])).toEqual([
      ['a', 24],
      ['b', 17],
    ]);
    expect(hot?.data[0]?.itemStyle).toEqual(expect.objectContaining({ color: '#f5c542' }));
    const label = (option.geo as { label: { formatter: (p: { name: string }) => string } }).label;
    expect(label.formatter({ name: '巴州区' })).toBe('巴州区\n{cam|在线 93.2%}');
    expect(label.formatter({ name: '通江县' })).toBe('通江县');
  });
});

describe('analysis additions', () => {
  it('turns day buckets into a calendar of Beijing dates', () => {
    const days = dailyTotals([p(H0, 'a', 2), p(H0, 'b', 3), p('2026-11-25T16:00:00.000Z', 'a', 1)]);
    expect(days).toEqual([
      ['2026-11-26', 1],
      ['2026-11-27', 5],
    ]);
    const option = buildCalendarOption({ days, range: ['2026-11-01', '2026-11-30'], scale: 1, lang: 'zh' });
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([
      ['2026-11-26', 1],
      ['2026-11-27', 5],
    ]);
    expect(option.visualMap).toEqual(expect.objectContaining({ min: 0, max: 5 }));
  });

  it('draws one line per tier in percent, a gap where nothing fell due', () => {
    const pt = (tier: 'simple' | 'general', rate: number | null): TierCompliancePoint => ({
      bucket: H0,
      tier,
      onTime: 1,
      due: rate === null ? 0 : 2,
      rate,
    });
    const option = buildTierComplianceOption([pt('simple', 0.955), pt('general', null)], (t) => t, 1);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['consultation', 'simple', 'general', 'complex', 'major']);
    expect(series[1]?.data).toEqual([95.5]);
    expect(series[2]?.data).toEqual([null]);
  });

  it('plots camera online share in percent', () => {
    const option = buildCameraHealthOption([{ bucket: H0, onlineShare: 0.9321 }], 'hour', 1);
    expect((option.series as { data: unknown[] }[])[0]?.data).toEqual([93.2]);
  });
});

describe('the drill-down map', () => {
  it('shades areas with their region codes and sizes bubbles by events', () => {
    const option = buildDrillMapOption({
      mapName: 'county-511921',
      areas: [{ name: '通江县', region: '511921', value: 90 }],
      points: [
        { name: '江北街道', lon: 107.2, lat: 31.9, value: 30, region: '511921001' },
        { name: '回风街道', lon: 107.3, lat: 31.9, value: 15, region: '511921002' },
      ],
      scale: 1,
    });
    const [areas, points] = option.series as { data: { region?: string; symbolSize?: number }[] }[];
    expect(areas?.data).toEqual([{ name: '通江县', value: 90, region: '511921' }]);
    expect(points?.data.map((d) => [d.region, d.symbolSize])).toEqual([
      ['511921001', 30],
      ['511921002', 19],
    ]);
  });
});
