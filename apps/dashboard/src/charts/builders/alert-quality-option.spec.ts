import { buildPairedBarsOption, minutesOf } from './alert-quality-option';

type Series = { name: string; data: (number | null)[] };

describe('buildPairedBarsOption', () => {
  const option = buildPairedBarsOption(
    [
      { label: 'crowd-surge', a: 1.5, b: 20 },
      { label: 'camera-offline', a: null, b: 3 },
    ],
    { a: 'MTTA', b: 'MTTR' },
    ['#1', '#2'],
    2,
  );

  it('draws the first row on top (a category axis starts at the bottom)', () => {
    expect((option.yAxis as { data: string[] }).data).toEqual(['camera-offline', 'crowd-surge']);
  });

  it('keeps a missing value as a gap and names both series', () => {
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['MTTA', 'MTTR']);
    expect(series[0]?.data).toEqual([null, 1.5]);
    expect(series[1]?.data).toEqual([3, 20]);
  });

  it('scales its text with the viewport', () => {
    expect((option.textStyle as { fontSize: number }).fontSize).toBe(26);
  });
});

describe('minutesOf', () => {
  it.each([
    [null, null],
    [0, 0],
    [90_000, 1.5],
    [3_600_000, 60],
  ])('%s ms → %s min', (ms, min) => {
    expect(minutesOf(ms)).toBe(min);
  });
});
